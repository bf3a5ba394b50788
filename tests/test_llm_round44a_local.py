"""Round 44a (stop 31): an item that carries a condition or a second question.

"refund or exchange, if exchange what size", "parent's email if under 18", "can we enter if
you're not home? photos": the condition and the field it shows (or the question asked), never
one field's nonsense ("Exchange what size?" as Yes/No) nor a rule on the next item of the list.
"""

from app.services.llm.local_forms import generate_form


def _fields(description: str) -> list[dict]:
    return generate_form(description)["fields"]


def _one(fields: list[dict], word: str) -> dict:
    found = [f for f in fields if word in f"{f['name']} {f['label']}".lower()]
    assert len(found) == 1, [(f["name"], f["label"]) for f in fields]
    return found[0]


def _rule(field: dict) -> list[dict]:
    return (field.get("show_if") or {}).get("all") or []


def test_the_follow_up_said_after_an_offered_answer_is_shown_on_it():
    fields = _fields(
        "Return request for online shoe store: order number, email, which item, size ordered, "
        "reason (too small, too big, damaged, not as pictured, other), refund or exchange, "
        "if exchange what size"
    )
    size = fields[-1]
    assert "size" in size["label"].lower() and size["type"] != "select"
    assert "exchange" not in size["label"].lower()
    assert _rule(size) == [{"field": "refund_or_exchange", "op": "equals", "value": "Exchange"}]


def test_the_condition_shows_its_own_follow_up_not_the_next_item():
    fields = _fields(
        "Gym membership signup: name, email, phone, membership type (monthly, annual, student), "
        "if student which university, start date"
    )
    assert _rule(_one(fields, "universit"))[0]["value"] == "Student"
    assert not _rule(_one(fields, "start"))


def test_a_question_opened_by_an_answer_is_asked_as_written():
    fields = _fields(
        "Pet adoption application - name, email, phone, do you own or rent your home (own, rent), "
        "if rent does the landlord allow pets, other pets at home, why this pet"
    )
    landlord = _one(fields, "landlord")
    assert landlord["label"] == "Does the landlord allow pets?"
    assert _rule(landlord)[0]["value"] == "Rent"


def test_if_yes_with_no_comma_shows_the_choice_on_yes():
    fields = _fields(
        "Wedding RSVP: name, email, attending (yes, no), if yes which meal (beef, fish, "
        "vegetarian), dietary needs"
    )
    meal = _one(fields, "meal")
    assert meal["options"] == ["Beef", "Fish", "Vegetarian"]
    assert _rule(meal) == [{"field": "attending", "op": "equals", "value": "Yes"}]


def test_which_one_is_named_after_what_the_question_asks_about():
    fields = _fields(
        "Boat hire: name, email, phone, date, do you hold a licence (yes, no), if yes which one, "
        "number of guests"
    )
    assert any(f["label"] == "Which licence?" and _rule(f) for f in fields)
    assert not _rule(_one(fields, "guests"))


def test_the_forms_only_email_asked_of_a_parent_still_reaches_every_visitor():
    fields = _fields(
        "Trial lesson for guitar — student name, age, parent's email if under 18, experience, "
        "preferred day"
    )
    email = _one(fields, "email")
    assert email["label"] == "Email" and email["required"] and not email.get("show_if")
    assert "under 18" in email["help"].lower() and "parent" in email["help"].lower()


def test_a_parents_name_is_shown_on_the_age_the_form_asks():
    for description in (
        "Summer camp registration: child's name, age, parent's name if under 16, parent phone",
        "Piano lessons enquiry: student name, age, email, if under 16 parent's name, level",
    ):
        parent = _one(_fields(description), "parent's name")
        assert _rule(parent) == [{"field": "age", "op": "lt", "value": 16}], description


def test_an_age_said_in_another_language_is_the_rule():
    for description, label in (
        (
            "Inscription stage de théâtre : nom de l'enfant, âge, email, nom du parent si moins "
            "de 18 ans, téléphone",
            "Nom du parent",
        ),
        (
            "Aanmelding zwemles: naam kind, leeftijd, e-mail, naam ouder als jonger dan 18, "
            "zwemdiploma (ja, nee)",
            "Naam ouder",
        ),
        (
            "Iscrizione centro estivo: nome del bambino, età, email, nome del genitore se minore "
            "di 18 anni, allergie",
            "Nome del genitore",
        ),
    ):
        fields = _fields(description)
        parent = next(f for f in fields if f["label"] == label)
        assert _rule(parent) == [{"field": "age", "op": "lt", "value": 18}], description


def test_a_permission_asked_on_a_condition_is_a_yes_no_question_and_the_item_after_it_a_field():
    fields = _fields(
        "Tenant maintenance request - flat number, name, phone, what's broken, how urgent "
        "(emergency / this week / whenever), can we enter if you're not home? photos"
    )
    enter = _one(fields, "enter")
    assert enter["label"] == "Can we enter if you're not home?"
    assert enter["options"] == ["Yes", "No"]
    assert _one(fields, "photo")["type"] == "file"


def test_a_count_after_a_permission_is_asked_of_everyone():
    fields = _fields(
        "Window cleaning quote: name, address, phone, can we access the back garden? how many windows"
    )
    assert not _rule(_one(fields, "windows"))


def test_the_answers_after_a_question_mark_stay_with_it():
    fields = _fields(
        "Surf lesson booking: name, email, have you surfed before? (yes, no), if yes where, "
        "preferred date"
    )
    assert not any(f["label"].lower().startswith("ask for") for f in fields)
    assert _rule(_one(fields, "where")) == [
        {"field": "surfed_before", "op": "equals", "value": "Yes"}
    ]


def test_a_follow_up_after_its_condition_in_other_languages():
    for description, word, value in (
        (
            "Inscription au club de tennis : nom, email, déjà membre d'un club (oui, non), "
            "si oui lequel, niveau (débutant, avancé)",
            "lequel",
            "Oui",
        ),
        (
            "Anmeldung Sprachkurs: Name, E-Mail, Vorkenntnisse (ja, nein), falls ja welche, "
            "Wunschtermin",
            "welche",
            "Ja",
        ),
        (
            "Iscrizione corso di cucina: nome, email, allergie (sì, no), se sì quale, data preferita",
            "quale",
            "Sì",
        ),
        (
            "Inscription à la salle de sport : nom, email, formule (mensuelle, annuelle, "
            "étudiant), si étudiant quelle université, date de début",
            "universit",
            "Étudiant",
        ),
        (
            "Iscrizione palestra: nome, email, abbonamento (mensile, annuale, studente), se "
            "studente quale università, data di inizio",
            "universit",
            "Studente",
        ),
    ):
        fields = _fields(description)
        assert _rule(_one(fields, word))[0]["value"] == value, description
        assert not _rule(fields[-1]), description


def test_a_parents_phone_beside_everyones_email_keeps_its_rule():
    fields = _fields(
        "Swimming lessons: child's name, age, email, parent's phone if under 16, level"
    )
    assert _rule(_one(fields, "phone")) == [{"field": "age", "op": "lt", "value": 16}]


# -- guards: already read right on beba605 ------------------------------------------


def test_guard_a_follow_up_after_a_question_mark_is_shown_on_yes():
    fields = _fields("Family day out booking: name, email, date, bringing kids? how many, notes")
    many = _one(fields, "how many")
    assert many["type"] == "number" and _rule(many)[0]["value"] == "Yes"


def test_guard_a_permission_said_without_a_question_is_a_box():
    fields = _fields("Lab results form: name, email, test type, can we email you the results")
    assert _one(fields, "results")["type"] == "checkbox"


def test_guard_a_remark_after_a_question_is_its_help():
    fields = _fields(
        "Escape room booking: name, email, date, anyone's birthday? we'll put up balloons"
    )
    birthday = _one(fields, "birthday")
    assert "balloons" in birthday.get("help", "") and "balloon" not in birthday["label"]
