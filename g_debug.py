import sys
from app.services.llm.local_forms import generate_form
from app.services.llm.local_extract import named_fields, negated
for d in sys.argv[1:]:
    c = generate_form(d)
    print(c["name"], c["flow_id"])
    print("  named:", [(i["phrase"], i["options"], i["hint"]) for i in named_fields(d)], "neg:", negated(d.lower()))
    for f in c["fields"]:
        print("   ", f["name"], f["type"], repr(f["label"]), "REQ" if f["required"] else "", f["options"] or "")
