"""The local engine, round 21a (issue 20): a heading written as a sentence, an instruction to
the visitor or a question names the form by its subject, as a noun phrase, through POST
/api/forms/generate; a noun-phrase heading, a bare kind and a mailing list keep their names."""

from __future__ import annotations

from tests.helpers_forms import generated


async def test_a_role_or_a_group_to_join_names_the_application(user):
    for description, name in (
        (
            "Become a stallholder at our Christmas market: name, business name, what you sell",
            "Christmas Market Stallholder Application",
        ),
        ("Volunteer with our hospice: name, email, availability", "Hospice Volunteer Application"),
        ("Want to join our bell ringing team? name, email, phone", "Bell Ringing Team Application"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_a_question_about_an_occasion_names_its_feedback(user):
    for description, name in (
        ("How was your driving lesson? instructor, rating, comments", "Driving Lesson Feedback"),
        ("What did you think of our open evening? rating, comments", "Open Evening Feedback"),
        (
            "Why are you cancelling your gym membership? main reason, email",
            "Gym Membership Cancellation Survey",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_a_problem_a_contact_heading_and_a_request_for_details(user):
    for description, name in (
        ("Not happy with your haircut? name, stylist, what went wrong", "Haircut Complaint"),
        ("Contact us: name, email, budget, project details", "Contact Us"),
        (
            "Ask for details about our part-time MBA: name, email, phone",
            "Part-time MBA Information Request",
        ),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description


async def test_guards_keep_their_names(user):
    for description, name in (
        (
            "Dog grooming appointment: name, dog's breed, preferred date, phone",
            "Dog Grooming Appointment",
        ),
        ("Join our newsletter: first name, email", "Newsletter Signup"),
        ("Join our team: name, email, CV, role applied for", "Job Application"),
    ):
        config, _ = await generated(user, description)
        assert config["name"] == name, description
