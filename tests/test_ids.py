"""Prefixed ids (SPEC §12): unique, and listed in the order they were made even within
one millisecond (the audit log and event lists order by time, then id)."""

import re
import threading

from app.db import new_id


def test_ids_made_in_one_millisecond_sort_in_the_order_they_were_made():
    ids = [new_id("evt") for _ in range(20_000)]  # thousands share each millisecond
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"evt_[0-9a-v]{16}", i) for i in ids)


def test_threads_never_take_the_same_id():
    made: list[list[str]] = [[] for _ in range(4)]

    def make(out: list[str]) -> None:
        out.extend(new_id("sub") for _ in range(20_000))

    threads = [threading.Thread(target=make, args=(out,)) for out in made]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [i for out in made for i in out]
    assert len(set(everything)) == len(everything)
    assert all(out == sorted(out) for out in made)
