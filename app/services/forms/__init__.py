"""Forms (SPEC §4): the config model and everything done to a form.

forms (create, list, update, status) · config and fields (the definition and
its checks) · patterns (field regexes in RE2) · editor (pure edits of a config) · values (checking submitted
values) · public (the schema, embed.js and CORS for customer sites)."""
