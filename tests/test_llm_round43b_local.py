"""The local engine, round 43b (issue 20): one answer or several. A need said of a thing
counted in bulk ("software needed"), what a trader sells, a plural verb of interest and
"select all that apply" before the list take several answers; "which days" asks for the days
of the week (Monday to Friday at a nursery); a package, a size, one day stay one."""

from __future__ import annotations

from app.services.llm.local_choice_lists import read_choice_lists
from app.services.llm.local_several_answers import takes_several
from app.services.llm.local_weekdays import days_of_the_week


def test_a_need_of_a_mass_noun_and_a_plural_verb_take_several():
    for label in (
        "Software needed",
        "What training would you like?",
        "Type of help needed",
        "Matériel souhaité",
        "What do you sell?",
        "¿Qué clases te interesan?",
        "Corsi ti interessano",
        "Servizi richiesti",
        "Diensten",
    ):
        assert takes_several(label, ["A", "B", "C"]), label
    for label in ("Laptop needed", "Package", "T-shirt size", "Room", "Which package do you need"):
        assert not takes_several(label, ["A", "B", "C"]), label


def test_select_all_that_apply_before_the_list_is_no_item():
    text, several = read_choice_lists("name, roles - select all that apply (driving, sorting)")
    assert text == "name, roles (driving, sorting)" and several == [{"driving", "sorting"}]
    text, _ = read_choice_lists("name, shifts (tick all that apply: early, late)")
    assert text == "name, shifts (early, late)"


def _field(label: str, kind: str = "text") -> dict:
    return {"name": "f", "type": kind, "label": label, "options": [], "placeholder": ""}


def test_which_days_are_the_days_of_the_week_weekdays_at_a_nursery():
    fields = [_field("Days per week", "number")]
    days_of_the_week(fields, "Dog daycare form: owner name, which days per week", None)
    assert fields[0]["type"] == "multiselect" and fields[0]["label"] == "Which days per week?"
    assert fields[0]["options"][-1] == "Friday"
    fields = [_field("¿Qué días puede venir?")]
    days_of_the_week(fields, "Natación: nombre, qué días puede venir", "es")
    assert fields[0]["type"] == "multiselect" and fields[0]["options"][-1] == "Domingo"
    fields = [_field("How many days per week", "number"), _field("Days")]
    days_of_the_week(
        fields, "Trade show press pass: name, how many days per week, which days", None
    )
    assert [f["type"] for f in fields] == ["number", "text"]  # a show's own days, a count
