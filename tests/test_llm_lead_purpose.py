"""Lead scoring reads the form's purpose (issue 20): the same reseller is a deal on the
partner-program form and a partnership to route on a demo form; a vendor pitch is no
deal on a sales form, a supplier's offer is what a supplier form asks for."""

from __future__ import annotations

from tests.helpers_agents import qualified

RESELLER = {
    "email": "carla@brightmsp.com",
    "name": "Carla Nunez",
    "company": "Bright MSP",
    "job_title": "Managing Director",
    "company_size": "51-200",
    "message": "We're an MSP with 80 clients in Ohio and would like to offer your product to "
    "them as a reseller. Can we talk terms next week?",
}
VENDOR = {
    "email": "sam@growthgrid.agency",
    "name": "Sam Reed",
    "company": "GrowthGrid",
    "message": "We can bring you 20 new customers a month with our outbound program. "
    "Can I send over a proposal?",
}


async def test_a_reseller_is_a_deal_on_the_partner_form_and_routed_on_a_demo_form(app, user, db):
    on_partner, deals = await qualified(app, user, db, "Partner program", RESELLER)
    assert on_partner["score"] == "high" and len(deals) == 1
    assert "partner-fit" in on_partner["tags"] and "partner form is for" in on_partner["reason"]
    on_demo, deals = await qualified(app, user, db, "Demo request", RESELLER)
    assert on_demo["score"] == "medium" and "partner-enquiry" in on_demo["tags"]
    assert "route it to partnerships" in on_demo["reason"]
    assert len(deals) == 1  # still only the partner form's deal


async def test_a_vendor_pitch_is_no_deal_on_a_sales_form_but_a_supplier_is_welcome(app, user, db):
    pitch, deals = await qualified(app, user, db, "Pricing request", VENDOR)
    assert pitch["score"] == "low" and "vendor" in pitch["tags"] and deals == []
    supplier = {
        "email": "heidi@alpinefarms.ch",
        "name": "Heidi Keller",
        "company": "Alpine Farms",
        "job_title": "Sales Manager",
        "company_size": "11-50",
        "message": "We produce organic cheese for 40 delis in Zurich and could supply your "
        "stores weekly starting in April.",
    }
    welcome, _ = await qualified(app, user, db, "Become a supplier", supplier)
    assert welcome["score"] in ("high", "medium") and "supplier-fit" in welcome["tags"]
