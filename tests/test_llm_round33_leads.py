"""An opt-out written in Spanish, Portuguese, French, German, Italian or Dutch is an opt-out (issue 20, leads
round 33, from the blind batch leads_u): "removam o meu email da vossa lista" got a reply
("we will make sure it reaches the right person"); now the contact is tagged do-not-contact,
the lead is low and no deal is made. Through a published form's submission and the agent's
processing."""

from __future__ import annotations

from tests.helpers_agents import qualified


async def test_an_opt_out_in_any_language_is_an_opt_out(app, user, db):
    for message in (
        "Hola, quiero darme de baja de sus correos, por favor.",
        "Por favor, removam meu email da lista de vocês. Obrigada.",
        "Merci de me désabonner, je ne souhaite plus recevoir vos emails.",
        "Bitte tragen Sie mich aus Ihrem Verteiler aus, ich möchte keine E-Mails mehr.",
        # stop 23, leads_v: Italian and Dutch
        "Buongiorno, non voglio più ricevere le vostre email. Cancellatemi per favore.",
        "Graag uitschrijven, ik wil geen e-mails meer ontvangen.",
    ):
        data = {"email": "ana.souza@hotmail.com", "name": "Ana Souza", "message": message}
        qualify, deals = await qualified(app, user, db, "Contact", data)
        assert qualify["score"] == "low" and "opt-out" in qualify["tags"], (message, qualify)
        assert deals == []


async def test_a_buyer_who_wants_no_advertising_for_patients_is_still_a_buyer(app, user, db):
    data = {
        "email": "a.koch@stadtklinik-nord.de",
        "name": "Anna Koch",
        "company": "Stadtklinik Nord",
        "message": "Wir möchten Patientenanfragen digitalisieren, ohne Werbung für unsere "
        "Patienten. Budget ist freigegeben, Start im Frühjahr. Können wir eine Demo vereinbaren?",
    }
    qualify, deals = await qualified(app, user, db, "Demo request", data)
    assert qualify["score"] != "low" and "opt-out" not in qualify["tags"], qualify
