"""FormAgent: describe a form, get the form and the AI that runs it."""
