"""The sequence pages (SPEC §8, §16): build a sequence, its steps as a timeline,
enrollments with where each contact stands, actions per enrollment, and the
contact page's sequences."""

from __future__ import annotations

from app.services import sequences
from tests.factory import make_contact, make_viewer
from tests.helpers import soup
from tests.helpers_sequences import make_sequence, step


async def test_build_a_sequence_from_the_pages(user):
    page = soup(await user.web.get("/sequences"))
    assert "No sequences yet" in page.get_text()
    r = await user.post_form("/sequences", {"name": "", "description": ""}, page="/sequences")
    assert r.status_code == 422 and soup(r).select_one("#e-name")
    r = await user.post_form("/sequences", {"name": "Welcome series"}, page="/sequences")
    assert r.status_code == 303
    detail = r.headers["location"]
    assert "No steps yet" in soup(await user.web.get(detail)).get_text()

    bad = {"delay_days": "-2", "delay_hours": "0", "subject": "Hi", "body": "Hi {{nick}}"}
    r = await user.post_form(f"{detail}/steps", bad, page=detail)
    page = soup(r)
    assert r.status_code == 422
    assert "whole number of days" in page.select_one("#new-delay_days-e").get_text()
    assert "Unknown variable" in page.select_one("#new-body-e").get_text()
    assert page.select_one("#new-subject")["value"] == "Hi"  # the input is kept

    first = {
        "delay_days": "1",
        "delay_hours": "0",
        "send_time": "09:00",
        "subject": "Welcome {{first_name}}",
        "body": "Hi {{first_name|there}},\nGlad you joined.",
    }
    second = {"delay_days": "3", "delay_hours": "4", "subject": "Next steps", "body": "More."}
    for data in (first, second):
        r = await user.post_form(f"{detail}/steps", data, page=detail)
        assert r.status_code == 303, r.text
    page = soup(await user.web.get(detail))
    steps = page.select("ol.seq-steps > li")
    assert [li.select_one("strong").get_text() for li in steps] == [
        "Step 1: Welcome {{first_name}}",
        "Step 2: Next steps",
    ]
    assert steps[0].select_one(".when").get_text() == "1 day after enrollment, at 09:00"
    assert steps[1].select_one(".when").get_text() == "3 days 4 hours after the previous step"

    sequence_id = detail.rsplit("/", 1)[1]
    step_ids = [
        s["id"] for s in (await user.api.get(f"/api/sequences/{sequence_id}")).json()["steps"]
    ]
    r = await user.post_form(f"{detail}/steps/{step_ids[1]}/move", {"direction": "up"}, page=detail)
    assert r.status_code == 303
    page = soup(await user.web.get(detail))
    assert page.select_one("ol.seq-steps > li strong").get_text() == "Step 1: Next steps"
    r = await user.post_form(
        f"{detail}/steps/{step_ids[0]}",
        {**first, "subject": "Edited", "delay_days": "2"},
        page=detail,
    )
    assert r.status_code == 303
    r = await user.post_form(f"{detail}/steps/{step_ids[1]}/delete", {}, page=detail)
    assert r.status_code == 303
    steps = (await user.api.get(f"/api/sequences/{sequence_id}")).json()["steps"]
    assert [(s["subject"], s["delay_days"]) for s in steps] == [("Edited", 2)]


async def test_enrollments_show_where_each_contact_stands_and_take_actions(user, freeze_clock):
    seq = await make_sequence(user, step(subject="One"), step(subject="Two", delay_days=2))
    await make_contact(user, "dana@bigcorp.example", name="Dana Scully")
    detail = f"/sequences/{seq['id']}"
    r = await user.post_form(f"{detail}/enroll", {"email": "nobody@example.org"}, page=detail)
    assert (
        r.status_code == 422
        and "add the contact first" in soup(r).select_one("#e-email").get_text()
    )
    r = await user.post_form(f"{detail}/enroll", {"email": "dana@bigcorp.example"}, page=detail)
    assert r.status_code == 303
    r = await user.post_form(f"{detail}/enroll", {"email": "dana@bigcorp.example"}, page=detail)
    assert r.status_code == 422 and "already enrolled" in soup(r).select_one("#e-email").get_text()

    page = soup(await user.web.get(detail))
    [row] = page.select("li.enrollment")
    assert "Dana Scully" in row.get_text()
    assert row.select_one(".progress").get_text().startswith("Step 1 of 2 next · sends now")
    enrollment_id = row["id"].removeprefix("enrollment-")

    r = await user.web.post(
        f"/enrollments/{enrollment_id}/action",
        data={"action": "advance", "csrf_token": await user.csrf(detail)},
        headers={"HX-Request": "true", "HX-Target": "sequence-enrollments"},
    )
    fragment = soup(r)
    assert r.status_code == 200 and fragment.select_one("#sequence-enrollments")
    assert fragment.select_one("[role=status]").get_text() == "The next step was sent."
    assert (
        fragment.select_one(".progress").get_text().startswith("Step 2 of 2 next · sends in 2 days")
    )
    assert "Step 1 sent — by Alice Owner" in fragment.get_text()

    r = await user.post_form(
        f"/enrollments/{enrollment_id}/action", {"action": "pause"}, page=detail
    )
    assert r.status_code == 303
    page = soup(await user.web.get(detail))
    assert page.select_one(".progress").get_text() == "Paused · Step 2 of 2 next"
    labels = [b.get_text() for b in page.select(".enrollment-actions button")]
    assert labels == ["Resume", "Mark replied", "Stop"]
    r = await user.post_form(
        f"/enrollments/{enrollment_id}/action", {"action": "stop"}, page=detail
    )
    assert r.status_code == 303
    page = soup(await user.web.get(detail))
    assert page.select_one(".progress").get_text() == "Stopped after step 1 of 2: stopped by hand"
    assert not page.select(".enrollment-actions")

    contact_id = (await user.api.get(f"/api/sequences/{seq['id']}/enrollments")).json()["data"][0][
        "contact_id"
    ]
    contact_page = soup(await user.web.get(f"/contacts/{contact_id}"))
    [item] = contact_page.select(".contact-enrollments li")
    assert "Welcome series" in item.get_text() and "Stopped after step 1 of 2" in item.get_text()
    assert "Enrolled in “Welcome series”" in contact_page.get_text()


async def test_viewers_see_sequences_without_controls(app):
    viewer = await make_viewer(app)
    seq = await sequences.create_sequence(
        app.state.db, viewer.workspace_id, {"name": "Read only", "steps": [step()]}
    )
    r = await viewer.web.get("/sequences")
    assert r.status_code == 200 and "Read only" in r.text
    assert not soup(r).select("form[action='/sequences']")
    page = soup(await viewer.web.get(f"/sequences/{seq['id']}"))
    assert page.select_one("ol.seq-steps li strong").get_text().startswith("Step 1:")
    assert not page.select("main form")  # no step, enroll or action controls
    await viewer.close()
