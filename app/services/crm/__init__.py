"""CRM (SPEC §7): contacts, companies, deals and what is remembered of them.

contacts · search (the contact list) · memory (contact memory during capture) ·
merge · companies · deals · notes · timeline · csv_export · csv_import (checks),
csv_import_apply (batched writes) and csv_import_store · normalize (emails, company names, domains)."""
