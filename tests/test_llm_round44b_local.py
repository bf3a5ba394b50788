"""The local engine, round 44b (issue 20, stop 31): a form written in another language keeps
its labels in that language and reads naturally. "welcher Kurs (…)", "quel cours (…)", "qual
horário (…)" are labelled with the marketer's noun, not the engine's English one ("Course",
"Time"); "quali vini preferisci" stays the question it is; a date the engine reads as the
event's keeps the marketer's "data", not a word-for-word "Evento data"; keys follow the label
("tipo_di_evento", not "tipo_of_event"). English forms and labels already right stay."""

from __future__ import annotations

from app.services.llm.local_forms import generate_form


def _labels(description: str) -> dict[str, str]:
    return {f["name"]: f["label"] for f in generate_form(description)["fields"]}


def test_a_which_item_is_labelled_with_the_marketers_noun():
    for description, label in (
        (
            "Anmeldung Probetraining Kampfsport: Vorname, Nachname, E-Mail, Telefon, Alter, "
            "welcher Kurs (Judo, Karate, Kickboxen), Wunschtermin",
            "Kurs",
        ),
        (
            "Terminanfrage Friseur: Vorname, Nachname, Telefon, welche Uhrzeit (vormittags, "
            "abends), Behandlung (Schnitt, Farbe)",
            "Uhrzeit",
        ),
        (
            "Inscription stage de danse : prénom, nom, e-mail, quel cours (salsa, bachata), "
            "niveau (débutant, intermédiaire)",
            "Cours",
        ),
        (
            "Réservation atelier poterie : nom, e-mail, téléphone, quel jour (samedi, dimanche), "
            "nombre de participants",
            "Jour",
        ),
        (
            "Inscripción academia de idiomas: nombre, email, teléfono, cuál curso (inglés, "
            "francés), nivel (básico, avanzado)",
            "Curso",
        ),
        (
            "Inscrição escola de surf: nome, email, telemóvel, idade, qual horário (manhã, tarde)",
            "Horário",
        ),
    ):
        labels = list(_labels(description).values())
        assert label in labels, (description, labels)
        assert not {"Course", "Time", "Appointment"} & set(labels), labels


def test_a_which_question_keeps_its_question_word():
    labels = _labels("Iscrizione newsletter enoteca: email, quali vini preferisci (rossi, bianchi)")
    assert "Quali vini preferisci?" in labels.values(), labels


def test_a_date_the_engine_narrowed_keeps_the_marketers_word():
    labels = _labels(
        "Richiesta preventivo catering: nome, email, telefono, tipo di evento, data, "
        "numero di ospiti, servizio (buffet, servito, aperitivo)"
    )
    assert labels.get("event_date") == "Data", labels
    assert "Evento data" not in labels.values()


def test_keys_follow_the_label_not_a_half_english_gloss():
    names = _labels(
        "Richiesta noleggio furgone: nome, email, telefono, tipo di veicolo (furgone, minibus), "
        "data di ritiro, ora di ritiro"
    )
    assert {"tipo_di_veicolo", "data_di_ritiro", "ora_di_ritiro"} <= set(names), names
    names = _labels("Bestellung Vereinstrikots: Name, E-Mail, welche Größe (S, M, L), Rückennummer")
    assert names.get("ruckennummer") == "Rückennummer", names
    names = _labels("Reserva de sala: nombre, email, qué paquete (básico, completo), fecha")
    assert names.get("que_paquete") == "¿Qué paquete?", names


def test_a_short_german_list_with_a_which_item_is_read_as_german():
    labels = _labels("Anmeldung Newsletter Bäckerei: E-Mail, welche Themen (Rezepte, Angebote)")
    assert "E-Mail" in labels.values() and "Themen" in labels.values(), labels


def test_english_forms_and_right_labels_stay():  # guards
    labels = _labels(
        "Class signup: first name, last name, email, which course (judo, karate), preferred date"
    )
    assert labels.get("course") == "Course" and labels.get("preferred_date") == "Preferred date"
    labels = _labels("Quote request catering: name, email, type of event, date, number of guests")
    assert labels.get("type_of_event") == "Type of event" and labels["event_date"] == "Event date"
    labels = _labels("Reservierung Tisch: Name, E-Mail, Telefon, Datum, Uhrzeit, Anzahl Personen")
    assert labels.get("preferred_date") == "Datum" and labels.get("preferred_time") == "Uhrzeit"
    labels = _labels(
        "Solicitud de catering: nombre, email, fecha del evento, qué turno prefieres "
        "(mañana, tarde)"
    )
    assert "¿Qué turno prefieres?" in labels.values() and "Fecha del evento" in labels.values()


def test_a_field_the_engine_adds_keeps_its_translated_label():  # guard
    fields = generate_form("Modulo contatto: nome, email, messaggio, consenso privacy")["fields"]
    added = [f for f in fields if f["type"] == "consent"]
    assert added and added[0]["label"].startswith("Accetto"), fields
