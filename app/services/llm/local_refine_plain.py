"""A refinement said the way a marketer talks, put in the words the handlers read.

Marketers describe what is wrong before they say what to do ("the breed field isn't
necessary, take it out", "I didn't ask for skincare brand or anything else, take them out"),
give a reason ("name should not be required, it's anonymous feedback"), and pack two changes
into one sentence ("injuries should be a bigger text box and optional", "add team name, only
shown if running for a team is yes"). Each rewrite below turns one such shape into the plain
instructions ("remove breed", "make name optional", "…; show it only if …") that the
handlers of local_refine already apply, so no second handler does the same change.

``rewrite(text, fields)`` runs on the whole text before it is split into clauses: first the
table of shapes, then "<what is wrong>, <what to do with it>" (the field the first half names
is what "it" means, or a new field when it names none). ``clear(draft, clause)`` removes a
placeholder or help text, which no other handler does. ``tidy(config, draft)`` runs once the
instructions are applied: the words around a change follow it.
"""

from __future__ import annotations

import re

from app.services.llm import (
    local_refine_asides,
    local_refine_help_notes,
    local_refine_lists,
    local_refine_notes,
    local_refine_visitor_text,
)
from app.services.llm.local_consent import YES_NO
from app.services.llm.local_dutch_italian import dutch_or_italian
from app.services.llm.local_dutch_italian_words import YES_NO as YES_NO_NL_IT
from app.services.llm.local_foreign import source_language
from app.services.llm.local_native_texts import sample_in
from app.services.llm.local_refine_it import named_first
from app.services.llm.local_refine_targets import find_one

_Q = r"[\"“‘'](?:[^\"”’']+)[\"”’']"  # a quoted label, kept with its quotes
_REMOVE = r"(?:remove|delete|drop|take|get rid of|lose|ditch)"
_THEM = r"(?:it|them|that|those|this|these)(?:\s+out)?"
_NEEDED = r"(?:needed|necessary|relevant|useful|required at all)"
_WHERE = r"at the (?:top|start|beginning|end|bottom)"
_DO = (
    r"(?:add|include|remove|delete|drop|get rid of|take|lose|ditch|rename|relabel|call|change|make|move|put|"
    r"show|hide|only show|set|turn|mark)"
)

_RULES: list[tuple[re.Pattern, str]] = [
    # "emergency should be yes or no, with help text: …": the help is the field's just named
    (r"\s*,?\s+(?:with|and(?:\s+(?:add|give it))?)\s+(?:a\s+|the\s+|some\s+)?(?P<a>help text|hint)\s*:\s*(?P<t>.+)$",
     r"; set the \g<a> of it to \g<t>"),
    # "add a consent checkbox: I agree to receive emails about the webinar": the box's own words
    (r"^(?P<v>add|include)\s+(?:a\s+|an\s+)?(?P<k>consent|opt-?in|marketing(?:\s+consent)?)\s+(?:check\s*box|tick\s*box|box)"
     r"\s*(?::|\s+saying|\s+that says|\s+reading)\s*(?P<t>.+)$",
     r"\g<v> a consent checkbox; rename it to \g<t>"),
    # "make the membership type radio buttons", "make fitness goals tick boxes: a, b": a kind
    # said in the plural, without its article
    (r"^make\s+(?P<x>.+?)\s+(?:into\s+)?(?P<k>radio buttons|radios|tick ?boxes|check ?boxes|drop-?downs?)(?P<rest>\s*:.+)?$",
     r"make \g<x> a \g<k>\g<rest>"),
    # "personal training should be a checkbox: 'I'm interested in personal training'": its words
    (r"^(?:make\s+)?(?!(?:add|include|put|insert|give)\b)(?P<x>[^:'\"“]+?)\s+(?:(?:should|must|could)\s+be\s+|into\s+)?(?:a\s+)?(?:check ?box|tick ?box)\s*"
     r"(?::|,?\s+saying|,?\s+that says|,?\s+reading)\s*(?P<t>['\"“‘].+)$",
     r"make \g<x> a checkbox; rename it to \g<t>"),
    # "add a date of birth field after phone, required": the flag said after the place
    (r"^(?P<v>add|include)\s+(?:an?\s+)?(?P<x>[^,:'\"“]+?)\s+(?P<w>(?:after|before|below|above|under)\s+[^,:]+?|"
     r"at the (?:top|end|start|bottom))\s*,\s*(?P<f>required|optional|mandatory)$",
     r"\g<v> a \g<f> \g<x> \g<w>"),
    # "intended major should be a list: A, B, C": a list of answers to pick from is a dropdown
    (r"^(?P<x>.+?)\s+(?P<m>should|must|needs to|could|can)\s+be\s+(?:a\s+)?(?:list|pick-?list|choice)\s*:",
     r"\g<x> \g<m> be a dropdown:"),
    # "add an email field between name and unit number": after the first of the two
    (r"^(?P<head>(?:add|include|put|move)\b[^:'\"“]+?)\s+(?:in\s+)?between\s+(?:the\s+)?(?P<a>(?![\d£$€])[^,;:]+?)\s+and\s+(?:the\s+)?[^,;:]+?"
     r"(?P<tail>\s*,\s*(?:optional|required)|\s*:.+)?$",
     r"\g<head> after \g<a>\g<tail>"),
    # "add first name and last name at the top": two fields, the second after the first
    (r"^(?P<v>add|include|put)\s+(?:a\s+)?(?P<a>first name|given name|forename)(?:\s+field)?\s+and\s+(?:a\s+)?"
     r"(?P<b>last name|surname|family name)(?:\s+fields?)?(?P<rest>(?:\s+(?:at|to)\s+the\s+\w+|\s+(?:after|before|below|above)\s+[^,;]+)?)"
     r"(?P<flag>\s*,?\s*(?:both\s+)?(?:optional|required))?$",
     r"\g<v> a \g<a> field\g<rest>\g<flag>; add a \g<b> field after \g<a>\g<flag>"),
    # "phone isn't needed. Make email optional", "…, and make email optional": a second instruction
    # about another field ("…, take it out" is said of the first: _said_then_it reads it)
    (rf"(?<=\w)(?:\.\s+|\s*,\s*(?:and|then)\s+)(?=(?:please\s+)?{_DO}\s+(?!(?:it|them|that|this)\b))", r"; "),
    # "remove X, and the PO number example should be …": the second is its own change
    (r",\s*and\s+(?=(?:the\s+)?[\w' -]+?\s+(?:should|must|needs? to|has to)\b)", r"; "),
    # "make name optional, we also need a phone field": the second is its own change
    # ("time should be free text, we need the exact time": the reason, read by _REASON)
    (r",\s*(?:and\s+|but\s+)?(?=(?:we|i)\s+(?:also\s+(?:need|want)|don't need|do not need|don't want)\b|"
     r"(?:we|i)\s+(?:need|want)\b(?!\s+(?:the|it|this|that|to know the|to see the)\b))", r"; "),
    # "I didn't ask for skincare brand or anything else, take them out"
    (rf"\bi\s+(?:didn't|did not|never)\s+ask(?:ed)?\s+for\s+(?P<x>[^,;]+?)\s*,\s*(?:so\s+|please\s+)?"
     rf"{_REMOVE}\s+{_THEM}", r"remove \g<x>"),
    # "the breed field isn't necessary", "website shouldn't be there", "screenshot isn't needed, we
    # get logs automatically" (what follows is the reason; "…, take it out" is read by _said_then_it)
    (rf"^(?:the\s+)?(?P<x>[^,;.]+?)\s+(?:field\s+|question\s+|box\s+)?(?:(?:isn't|is not|aren't|are not)"
     rf"\s+(?:really\s+)?{_NEEDED}(?:\s+(?:any more|anymore|for us|here))?|(?:shouldn't|should not)\s+be\s+"
     rf"(?:there|here|on (?:the|this|our) form|in (?:the|this|our) form)|(?:doesn't|does not|don't|do not)\s+belong"
     rf"(?:\s+(?:here|there|on (?:the|this|our) form))?)(?:\s*[,.](?!\s*(?:(?:and|but|so|please|just)\s+)*{_DO}\b)[^;]*)?$",
     r"remove \g<x>"),
    # "people should be able to pick both shifts" ("allow multiple photos" is an upload's count)
    (r"^(?:(?:people|they|visitors|guests|customers|members|volunteers|parents|users)\s+should\s+be\s+able\s+to|"
     r"(?:let|allow)\s+(?:people|them|visitors|guests)\s+(?:to\s+)?)\s*(?:pick|choose|select|tick|check)\s+"
     r"(?:both|more than one|several|multiple|all)\s+(?:of\s+)?(?:the\s+)?(?P<x>[^,;]+)$",
     r"let people choose more than one \g<x>"),
    # "add a note under the description: …": words a visitor reads under that field, never a field
    (r"^(?:add|put|include|write)\s+(?:a\s+|this\s+|the\s+)?(?:short\s+)?(?:note|line|disclaimer|sentence|notice|text)\s+"
     r"(?:under|below|beneath|to|on|with|next to)\s+(?:the\s+)?(?P<x>[^:]+?)(?:\s+(?:field|question|box))?\s*(?::|saying|that says)\s*:?\s*(?P<t>.+)$",
     r"set the help text of \g<x> to \g<t>"),
    (r"^(?:add|put|include|write)\s+(?:a\s+|this\s+|the\s+)?(?:short\s+)?(?:note|disclaimer|notice|line)(?:\s+at the (?:end|bottom))?"
     r"\s*(?::|saying|that says)\s*:?\s*(?P<t>.+)$", r"set the help text of the last field to \g<t>"),
    # "make it a booking request": what the form does after a submission, its flow
    (r"(?:(?<=^)|(?<=[;.,]\s))(?:make|turn)\s+(?:it|this|this form|the form)\s+(?:into\s+)?(?:a|an)\s+(?P<f>(?:booking|sales|support|newsletter)"
     r"(?:\s+(?:request|lead|ticket|sign-?up|enquiry|inquiry))?)(?:\s+(?:form|flow))?(?=\s*(?:[,;.]|$))", r"set the flow to \g<f>"),
    # "change the role example to Teacher", "the couple's names field shouldn't have Jane Smith as
    # an example, use Alex & Sam": an example is the field's placeholder, never its label
    (r"\b(?:change|set|update|make)\s+(?:the\s+)?(?P<x>(?:(?!\band\b)[^,;])+?)(?:'s)?\s+(?:example|placeholder|sample)(?:\s+text)?\s+"
     r"(?:to|into)\s+(?P<t>[^,;]+?)$", r"set the placeholder of \g<x> to \g<t>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)(?:\s+field|\s+question)?\s+(?:shouldn't|should not|mustn't|must not|doesn't need to)\s+"
     r"(?:have|show|say)\s+(?:[^,;]+?)\s+as\s+(?:an?\s+|the\s+|its\s+)?(?:example|placeholder)\s*[,;.]\s*(?:just\s+|please\s+)?"
     r"(?:use|say|put|show|make it|try)\s+(?P<t>[^;]+)$", r"set the placeholder of \g<x> to \g<t>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)(?:\s+field|\s+question)?\s+(?:shouldn't|should not|mustn't|must not|doesn't need to)\s+"
     r"(?:have|show|say)\s+(?:[^,;]+?)\s+as\s+(?:an?\s+|the\s+|its\s+)?(?:example|placeholder)$", r"remove the placeholder of \g<x>"),
    # "you missed the last question - add 'Anything else?' …": the complaint before a new field
    (r"^(?:you|it)\s+(?:missed|forgot|left out|dropped|skipped|ignored)\s+[^,;:]*?\s*(?:,|\s[-–]\s|\.\s+|:)\s*"
     r"(?:so\s+|please\s+|can you\s+)*(?=(?:add|include|put)\s+(?!(?:it|them|that|this|one)\b))", r""),
    # "trade references needs a bigger box", "the message could use more space": a long answer
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:field\s+|question\s+)?(?:needs?|should have|could (?:use|do with)|wants?)\s+"
     r"(?:a\s+)?(?:bigger|larger|longer|more|much more)\s+(?:text\s+)?(?:box|field|space|room)(?=\s*(?:[,;.]|$)|\s+and\s)",
     r"make \g<x> a bigger text box"),
    # "the example for flight number should be BA123", "use BA123 as the example for flight
    # number", "start time and end time need an example like 18:00"
    (r"^(?:the\s+)?(?:example|placeholder|sample)(?:\s+text)?\s+(?:for|of|in|on)\s+(?:the\s+)?(?P<x>[^,;]+?)\s+"
     r"(?:should\s+(?:be|say|read)|is|:)\s*(?P<t>[^;]+)$", r"set the placeholder of \g<x> to \g<t>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)(?:'s)?\s+(?:example|placeholder)(?:\s+text)?\s+(?:should\s+(?:be|say|read)|:)\s*(?P<t>[^;]+)$",
     r"set the placeholder of \g<x> to \g<t>"),
    (r"^(?:use|put|show)\s+(?P<t>.+?)\s+as\s+(?:the\s+|an\s+)?(?:example|placeholder)\s+(?:for|of|in|on)\s+(?:the\s+)?(?P<x>[^,;]+)$",
     r"set the placeholder of \g<x> to \g<t>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:fields?\s+|questions?\s+)?(?:needs?|should have|could use)\s+(?:an?\s+)?(?:example|placeholder)"
     r"(?:\s+text)?(?:\s*(?::|,)\s*|\s+(?:like|such as|e\.g\.)\s+|\s+)(?P<t>[^;]+)$", r"set the placeholder of \g<x> to \g<t>"),
    # "the email is missing from the contact bit, it should only show if they tick the contact box":
    # the field is there, in the wrong place; the rule puts it after the box it depends on
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:is|are)\s+missing\s+(?:from|in)\s+[^,;]+?\s*,\s*(?:and\s+)?(?:it|they)\s+should\s+"
     r"only\s+(?:show|appear|be shown|be visible)\s+(?:if|when)\s+(?P<c>.+)$", r"show \g<x> only if \g<c>"),
    # "the roaster question isn't yes or no, make it a text field": what it is not, then the change
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:isn't|is not|shouldn't be|should not be)\s+(?:a\s+)?yes(?:/|\s+or\s+)no(?:\s+question)?"
     r"\s*(?:,|\.|;|\s[-–]\s)\s*(?:so\s+|please\s+|just\s+)*(?P<b>(?:make|turn|change)\s+)(?:it|that|this)\b",
     r"\g<b>\g<x>"),
    # "make it a text field called Current roaster": the kind, then the name
    (r"^(?P<v>make|turn|change)\s+(?P<x>(?!the form\b|this form\b)[^,;]+?)\s+(?:into\s+|to\s+)?(?P<k>an?\s+[\w/ -]+?)\s+"
     r"(?:called|named|labell?ed|titled)\s+(?P<y>[^,;:]+)$", r"\g<v> \g<x> \g<k>; rename \g<x> to “\g<y>”"),
    # "Confirm should be a required tick box saying I confirm I'm over 18"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:field\s+|question\s+)?should\s+be\s+an?\s+(?P<r>required|mandatory|optional)\s+"
     r"(?P<k>tick-?\s?box|check-?\s?box)\s+(?:saying|that says|labell?ed|reading|with the (?:text|words))\s*:?\s*(?P<y>.+)$",
     r"make \g<x> a checkbox; rename \g<x> to “\g<y>”; make “\g<y>” \g<r>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:field\s+|question\s+)?should\s+be\s+an?\s+(?P<k>tick-?\s?box|check-?\s?box)\s+"
     r"(?:saying|that says|labell?ed|reading|with the (?:text|words))\s*:?\s*(?P<y>.+)$",
     r"make \g<x> a checkbox; rename \g<x> to “\g<y>”"),
    # "take out the marketing consent box, parents aren't signing up for emails": the reason after it
    (r"^(?P<a>(?:remove|take out|delete|drop|get rid of|lose)\s+[^,;]+?)\s*,\s*(?:as\s+|because\s+|since\s+)?"
     r"(?:[\w']+\s+){1,3}(?:aren't|isn't|don't|doesn't|won't|can't|are not|is not|do not|does not|never)\b[^;]*$", r"\g<a>"),
    # "the email doesn't have to be a work email(, just Email)": personal addresses are fine
    (r"^(?:the\s+)?e-?mail(?:\s+field|\s+address)?\s+(?:doesn't|does not|needn't|need not|shouldn't|should not)\s+"
     r"(?:have\s+to\s+|need\s+to\s+)?be\s+(?:an?\s+)?(?:work|business|company|corporate)\s+(?:e-?mail|address|one)"
     r"(?:\s*,\s*(?:just|only|simply)\s+[^,;]+)?$", r"allow personal emails"),
    # "the phone number doesn't have to be a mobile, just Phone": the label it should have
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:doesn't|does not|don't|do not|needn't)\s+(?:have\s+to|need\s+to)?\s*be\s+(?:an?\s+)?"
     r"(?P<y>(?!(?:required|mandatory|compulsory|optional|filled)\b)[^,;]+?)\s*,\s*(?:just|only|simply)\s+"
     r"(?P<z>(?!(?:required|mandatory|compulsory|optional)\b)[^,;]+)$", r"rename \g<y> to “\g<z>”"),
    # "the insurance question needs help text: …"
    (r"^(?:the\s+)?(?P<x>[^,;:]+?)\s+(?:question\s+|field\s+)?needs?\s+(?:a\s+|some\s+)?(?P<a>help text|hint|placeholder)"
     r"\s*:\s*(?P<t>.+)$", r"set the \g<a> of \g<x> to \g<t>"),
    # "we need to know if they're over 18, add a yes/no question": the question is said already
    (r"^(?P<q>(?:we|i)\s+(?:need|want|would like|'d like)\s+to\s+know\s+(?:if|whether)\s+[^,;]+?)\s*,\s*(?:so\s+|please\s+)?"
     r"add\s+(?:a|an)\s+(?:yes/no\s+|yes or no\s+|simple\s+)?(?:question|field)(?:\s+for\s+(?:it|that))?$", r"\g<q>"),
    # "we don't need the message(, and …)", "I don't want the budget question"
    (r"(?:(?<=^)|(?<=[;.]\s))(?:we|i)\s+(?:don't|do not|dont|no longer)\s+(?:need|want)\s+(?P<x>[^,;.]+?)"
     r"(?:\s+(?:any more|anymore))?(?=\s*(?:[,;.]|$))", r"remove \g<x>"),
    # "we also need their name (but it's optional)", "we'll need a phone as well as the email"
    (r"^(?:we|i)(?:'ll|’ll|\s+will|'d|’d|\s+would)?\s+(?:also\s+)?(?:need|want)\s+(?:to\s+(?:ask|know)\s+)?(?:for\s+)?"
     r"(?P<x>(?:their|the|a|an)\s+[^,;.]+?)(?:\s+(?:as well as|alongside|in addition to|besides|on top of)\s+[^,;.]+)?"
     r"(?=\s*(?:,|\bbut\b|;|$))", r"add \g<x>"),
    # "name should not be required" (said of a field, not of a new one)
    (r"^(?!(?:add|include|insert|put|ask)\b)(?:the\s+)?(?P<x>(?:(?!\bbut\b)[^,;])+?)\s+"
     r"(?:should not|shouldn't|doesn't need to|does not need to|needn't|need not)\s+"
     r"be\s+(?:required|mandatory|compulsory)", r"make \g<x> optional"),
    # "Urgent? should just be yes or no"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+(?:just\s+|only\s+)?be\s+(?:a\s+)?(?:simple\s+)?yes\s*(?:/|or)\s*no"
     r"(?:\s+question)?", r"make \g<x> yes/no"),
    # "where were you sitting should be a text box, not a dropdown": the kind it is now goes
    (r"(?P<k>\bshould\s+(?:just\s+)?be\s+(?:a|an)\s+[\w -]+?)\s*,?\s*(?:and\s+)?(?:not|rather than|instead of)\s+"
     r"(?:a|an|the)\s+[\w -]+$", r"\g<k>"),
    # "speed, reliability and customer service should be ratings from 1 to 5 like the first question"
    (r"^(?:the\s+)?(?P<x>[^;]+?)\s+should\s+(?:all\s+|both\s+)?be\s+(?:an?\s+)?(?:(?:ratings?|scales?|scores?)\s+"
     r"(?:(?:from|of)\s+)?|(?:rated|scored)\s+(?:from\s+)?)(?P<lo>\d{1,2})\s*(?:-|–|to)\s*(?P<hi>\d{1,3})"
     r"(?:\s*,?\s+(?:like|as|same as)\s+.+)?$", r"make \g<x> a rating from \g<lo> to \g<hi>"),
    # "the venue and content questions should be star ratings out of 5", "… should be 5-star ratings"
    (r"^(?:the\s+)?(?P<x>[^;]+?)\s+should\s+(?:all\s+|both\s+)?be\s+(?:an?\s+)?(?:(?:star\s+)?(?:ratings?|scales?|scores?)\s+"
     r"out\s+of\s+(?P<hi>\d{1,3})(?:\s+stars?)?|(?P<n>\d{1,2})[- ]star(?:\s+ratings?)?)(?:\s*,?\s+(?:like|as|same as)\s+.+)?$",
     r"make \g<x> a rating from 1 to \g<hi>\g<n>"),
    # "make the ratings 1-5 instead of 1-10": the old scale is said, not asked for
    (r"(?<=\d)\s*,?\s+(?:instead of|rather than|not)\s+(?:the\s+)?(?:\d{1,3}\s*(?:-|–|to)\s*)?\d{1,3}$", r""),
    # "the first aid question should just say First aid given?"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:question\s+|field\s+|label\s+)?should\s+(?:just\s+|only\s+|simply\s+)?"
     r"(?:say|read)\s*:?\s+(?P<y>.+)$", r"rename \g<x> to “\g<y>”"),
    # "time of journey should be free text"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+(?:just\s+)?be\s+(?:free|plain|open)\s+text", r"make \g<x> a text field"),
    # "the session question needs options: A, B", "the options of the session question: A, B"
    (r"^(?:the\s+)?(?P<x>[^,;:]+?)\s+(?:question\s+|field\s+)?needs?\s+(?:the\s+|some\s+)?options?\s*:?\s*(?P<o>[^:]+,.+)$",
     r"change the options of \g<x> to \g<o>"),
    (r"^(?:the\s+)?options?\s+(?:of|for)\s+(?:the\s+)?(?P<x>[^:]+?)(?:\s+(?:question|field))?\s*:\s*(?P<o>.+)$",
     r"change the options of \g<x> to \g<o>"),
    # "the Lesson field should be called Lesson length with options 30 minutes and 60 minutes"
    (r"^(?:the\s+)?(?P<x>.+?)\s+(?:field\s+|question\s+)?should be (?:called|named|labell?ed)\s+(?P<y>.+?)\s+"
     r"with\s+(?:the\s+)?options?\s+(?P<o>.+)$", r"rename \g<x> to \g<y>; change the options of \g<y> to \g<o>"),
    # "rename 'A' to 'B' and fix the options: X, Y"
    (rf"^(?P<r>(?:rename|relabel|call)\s+.+?\s+(?:to|as)\s+(?P<y>{_Q}|[^,;]+?))\s+and\s+(?:fix|change|set|update|correct)"
     r"\s+(?:the\s+)?options?\s*(?::|to)\s*(?P<o>.+)$", r"\g<r>; change the options of \g<y> to \g<o>"),
    # "injuries should be a bigger text box and optional", "photos should be optional and allow up to 5"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+be\s+(?P<a>[^,;]+?)\s+and\s+(?:be\s+)?(?P<b>optional|required|mandatory)$",
     r"\g<x> should be \g<a>; make \g<x> \g<b>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+be\s+(?P<a>optional|required|mandatory)\s+and\s+(?P<b>(?:allow|accept|take)\s+"
     r"up\s+to\s+\d+)(?:\s+\w+)?$", r"make \g<x> \g<a>; \g<b> \g<x>"),
    # "add team name, only shown if …", "add a team name field shown only if …", "…, only show it when …"
    (r"\s*,?\s+(?:(?:that is|which is)\s+)?(?:only\s+shown|shown\s+only|only\s+visible|visible\s+only)\s+(?:when|if)\s+",
     r"; show it only if "),
    (r"(?:\s*,\s*|\s+)(?:and\s+)?only\s+show\s+(?:it|this|that)\s+(?:when|if)\s+", r"; show it only if "),
    # "add a checkbox at the end: I agree …", "put a name field at the top, not required"
    (rf"^(?P<add>(?:add|include|insert)\s+(?:an?\s+)?[\w' -]+?)\s+(?P<w>{_WHERE})\s*:\s*(?P<t>.+)$",
     r"\g<add>: \g<t>; move it \g<w>"),
    (rf"^(?:add|include|insert|put)\s+(?P<what>(?:an?\s+)(?:optional\s+)?[\w' -]+?)\s+(?P<w>{_WHERE})(?P<rest>\s*,[^;]*)?$",
     r"add \g<what>\g<rest>; move it \g<w>"),
    (r",\s*not\s+(?:required|mandatory)\b", r", optional"),
    # "email should be optional too", "the phone should be required as well"
    (r"\s+(?:too|as well)(?=\s*(?:[,;.!]|$))", r""),
    # "guests should be a number between 20 and 200", "number of people shouldn't go above 12"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+be\s+a\s+number\s+(?P<r>between\s+\d+\s+and\s+\d+|from\s+\d+\s+to\s+\d+)",
     r"make \g<x> a number; \g<x> must be \g<r>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:shouldn't|should not|can't|cannot|mustn't|must not)\s+(?:go|be)\s+"
     r"(?:above|over|more than|higher than|beyond)\s+(?P<n>\d+)", r"\g<x> must be at most \g<n>"),
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+(?:shouldn't|should not|can't|cannot|mustn't|must not)\s+(?:go|be)\s+"
     r"(?:below|under|less than|lower than)\s+(?P<n>\d+)", r"\g<x> must be at least \g<n>"),
    # "the last question should be optional and a longer text box"
    (r"^(?:the\s+)?(?P<x>[^,;]+?)\s+should\s+be\s+(?P<b>optional|required|mandatory)\s+and\s+(?:be\s+)?(?P<a>(?:a|an)\s+[^,;]+)$",
     r"make \g<x> \g<b>; \g<x> should be \g<a>"),
    # "add 'Family' as an option for type of shoot", "add 'Tyres' as another service type"
    (r"^(?:add|include)\s+(?P<o>.+?)\s+as\s+(?:an?\s+(?:new\s+|extra\s+)?|another\s+)option\s+(?:for|to|in|of)\s+(?:the\s+)?(?P<x>.+)$",
     r"add \g<o> to the \g<x> options"),
    (r"^(?:add|include)\s+(?P<o>[\"“‘'].+?[\"”’'])\s+as\s+(?:another|a new|an extra|one more)\s+(?P<x>.+)$",
     r"add \g<o> to the \g<x> options"),
    # "we don't need the venue postcode, remove it": one removal said twice
    (rf"^(?P<a>{_REMOVE}\s[^,;]+?)\s*,\s*(?:so\s+|just\s+|please\s+)?{_REMOVE}\s+{_THEM}$", r"\g<a>"),
    # "… and remove (its|the) placeholder", "… and add help text: …": the field just named
    (r"\b(?P<v>remove|delete|clear|drop)\s+(?:its|the)\s+(?P<a>placeholder|help text|hint)$", r"\g<v> the \g<a> of it"),
    (r"\b(?:add|set|give it)\s+(?:a\s+|the\s+|some\s+)?(?P<a>help text|hint)\s*:\s*(?P<t>.+)$", r"set the \g<a> of it to \g<t>"),
]  # fmt: skip
_RULES = [(re.compile(p, re.I), r) for p, r in _RULES]

# "the form name is wrong, it's a course feedback form (not a testimonial request)": read before
# the reason is dropped, since here the part after the comma is the change
_WRONG_NAME = (
    r"(?:the\s+)?(?:form(?:'s)?\s+)?(?:name|title)(?:\s+of\s+the\s+form)?\s+is\s+"
    r"(?:wrong|not right|incorrect|off)\s*[,.;:–-]\s*(?:it's|it is|this is|it should be|should be)"
)
_NOT_Y = r"(?:\s*,?\s*not\s+(?:a|an|the)\s+.+)?"
_FORM_IS = re.compile(
    rf"^(?:{_WRONG_NAME}\s+(?:a|an|the)?\s*(?P<x>[^,;]+?)(?:\s+form)?{_NOT_Y}|"
    rf"(?:this|it)\s+is\s+(?:a|an|the)?\s*(?P<y>[^,;]+?)\s+form{_NOT_Y})$",
    re.I,
)


def _form_is(part: str) -> str:
    m = _FORM_IS.match(part)
    if not m:
        return part
    name = m["x"] or m["y"]
    return f"call the form “{' '.join(w[:1].upper() + w[1:] for w in name.split())}”"


# a reason after the change ("…, it's anonymous feedback", "…, people will type the time")
_REASON = re.compile(
    r"(?P<head>^[^:;]+?)\s*,\s*(?:because|since|as (?:it|they|people|we)|so that|it's|it is|this is|that's|"
    r"it\s+(?:doesn't|does not|makes no|looks|reads|sounds|isn't|is not)\b|"
    r"(?:some|most|many|all|not all|few)\s+(?:of\s+)?(?:people|visitors|customers|members|guests|clients|them)|"
    r"(?:we|i)\s+(?:need|want)\s+(?:the|to know the|to see the)\b|nobody|no one|not everyone|(?:people|they|visitors|customers|guests|members|clients)\b|"
    r"we\s+(?:already|always|never|usually|can|can't|cannot|will|'ll)\b(?!\s+(?:also\s+)?(?:need|want|ask)))"
    # the reason ends where ", and <a change>" begins
    rf"(?:(?!\s*,\s*(?:and|then)\s+{_DO}\s)[^;:])*(?P<rest>\s*,\s*(?:and|then)\s+{_DO}\s[^;:]*)?$",
    re.I,
)


# "drop the contact question, we'll always ask": after a removal, what we will do is the reason
# (a thank-you message "Thanks, we'll call you soon!" keeps it)
_REMOVED_BECAUSE = re.compile(
    rf"^(?P<head>{_REMOVE}\s[^,;:\n]+?)\s*,\s*we(?:'ll|'d|\s+would)\s+"
    r"(?!(?:also\s+)?(?:need|want|add|ask for|like)\b)[^;:\n]*$",
    re.I,
)


# "… with options 30 minutes and 60 minutes": two options, not one
_OPTIONS_AND = re.compile(
    r"^(?P<head>change the options of .+? to )(?P<o>[^,]+?)\s+(?:and|or)\s+(?P<last>[^,]+)$", re.I
)


# "block, row and seat aren't options": the field offering them asks for a typed answer
_NOT_OPTIONS = re.compile(
    r"^(?:the\s+)?(?P<o>.+?)\s+(?:aren't|are not|shouldn't be|should not be|are no|aren't really)\s+"
    r"(?:options|choices|answers to (?:choose|pick) from)$",
    re.I,
)


def _not_options(part: str, fields: list) -> str:
    m = _NOT_OPTIONS.match(part)
    if not m:
        return part
    said = {
        w.strip().lower() for w in re.split(r"\s*(?:,|\band\b|\bor\b|/)\s*", m["o"]) if w.strip()
    }
    for f in fields:
        options = [
            str(o.get("label", o) if isinstance(o, dict) else o) for o in f.get("options") or []
        ]
        if options and {o.lower() for o in options} <= said | {"other"}:
            return f"make “{f['label']}” a text field"
    return part


# "replace date range with two dates, from and to": one field becomes two dates in its place
_TWO_DATES = re.compile(
    r"^(?:replace|split|turn)\s+(?:the\s+)?(?P<x>[^,;]+?)\s+(?:with|into)\s+(?:two|2)\s+dates?(?:\s+fields?)?"
    r"(?:\s*(?:[,:(]|\s[-–])\s*(?P<a>[\w' -]+?)\s+and\s+(?P<b>[\w' -]+?)\)?)?$",
    re.I,
)


def _two_dates(part: str) -> str:
    m = _TWO_DATES.match(part)
    if not m:
        return part
    first, second = (m["a"], m["b"]) if m["a"] else ("start date", "end date")
    first, second = first[:1].upper() + first[1:], second[:1].upper() + second[1:]
    return (
        f"add a date field called “{first}” after {m['x']}; "
        f"add a date field called “{second}” after “{first}”; remove {m['x']}"
    )


# "title isn't a job title(, it should be a dropdown: Mr, Mrs)": the field was drafted as the
# wrong thing; it takes the marketer's word, and the example text of the wrong thing goes
_NOT_A = re.compile(
    r"^(?:the\s+)?(?P<x>[\w' -]+?)\s+(?:isn't|is not|isnt)\s+(?:a|an|the)\s+(?P<y>[\w' -]+?)"
    r"(?:\s*[,.;–-]\s*(?:it|this|that)\s+(?P<rest>(?:should|must|needs? to|has to)\s+.+))?$",
    re.I,
)


def _not_a(part: str, fields: list) -> str:
    m = _NOT_A.match(part)
    labels = {f["label"].strip(" ?").lower(): f for f in fields}
    if not m or m["y"].lower() not in labels or m["x"].lower() in labels:
        return part
    was, now = labels[m["y"].lower()]["label"], m["x"][:1].upper() + m["x"][1:]
    said = f"rename “{was}” to “{now}”; remove the placeholder of “{now}”"
    return f"{said}; “{now}” {m['rest']}" if m["rest"] else said


# "add it at the end as a text box" (also once "it" is the field said): the kind belongs to the
# field, the place comes last
_KIND_LAST = re.compile(
    rf"^(?P<add>(?:add|include|insert|put)\s+.+?)\s+(?P<w>{_WHERE})\s+(?P<k>as\s+(?:an?\s+)?[\w -]+)$",
    re.I,
)


def rewrite(text: str, fields: list) -> str:
    # "… so we can follow up", "… and X too": the aside off first, whatever reads the rest
    text = local_refine_notes.separate(text)  # "Looks good! Two things: 1) … 2) …"
    # "add help text under phone: …": the words for the visitor before anything reads them
    text = "; ".join(
        local_refine_visitor_text.plain(local_refine_help_notes.plain(part.strip(), fields), fields)
        for part in text.split(";")
    )
    # "put the packages in this order: …", "reorder: name, email, …": lists read whole
    text = "; ".join(local_refine_lists.plain(part.strip(), fields) for part in text.split(";"))
    text = "; ".join(local_refine_asides.plain(part.strip(), fields) for part in text.split(";"))
    text = "; ".join(_form_is(part.strip()) for part in text.split(";"))
    text = "; ".join(_not_a(part.strip(), fields) for part in text.split(";"))
    text = "; ".join(_two_dates(part.strip()) for part in text.split(";"))
    text = "; ".join(
        _REMOVED_BECAUSE.sub(
            r"\g<head>", _REASON.sub(lambda m: m["head"] + (m["rest"] or ""), part.strip())
        )
        for part in text.split(";")
    )
    for pattern, repl in _RULES:
        text = "; ".join(pattern.sub(repl, part.strip()) for part in text.split(";"))
    text = "; ".join(_said_then_it(part.strip(), fields) for part in text.split(";"))
    text = "; ".join(
        _KIND_LAST.sub(r"\g<add> \g<k> \g<w>", part.strip()) for part in text.split(";")
    )
    text = "; ".join(_not_options(part.strip(), fields) for part in text.split(";"))
    return "; ".join(
        _OPTIONS_AND.sub(r"\g<head>\g<o>, \g<last>", part.strip()) for part in text.split(";")
    )


# "<what is wrong>, <what to do with it>": "budget isn't something we ask upfront, please remove
# it", "location is only needed for events, show it only when …", "there's no email field, add
# one after phone", "mileage is missing, please add it after make and model"
_SAID_THEN = re.compile(
    rf"^(?P<a>[^,;:]+?)\s*(?:,|\s[-–]\s|\.\s+)\s*(?:so\s+|please\s+|just\s+|can you\s+)*(?P<b>{_DO}\b.+)$",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:it|them|that one|this one|that|this|one)\b(?!')", re.I)
_NEW_THING = re.compile(
    r"^(?:there(?:'s| is) no\s+(?:an?\s+)?(?P<x>.+?)(?:\s+(?:field|question))?(?:\s+(?:on|in) the form)?"
    r"|(?:the\s+)?(?P<y>.+?)\s+(?:field\s+|question\s+)?(?:is|are)\s+missing"
    r"|(?:the\s+)?(?P<z>.+?)\s+would be (?:useful|good|nice|helpful)"
    r"|(?:[\w ]+?\s+)?(?:need|needs|have|has) to (?:upload|send|attach) (?:their|a|an|the|your)\s+(?P<u>.+?)"
    r"|(?:you|it)\s+(?:missed|forgot|left out|dropped|skipped)\s+(?:the\s+|a\s+|an\s+|my\s+)?(?P<w>.+?)(?:\s+(?:field|question))?)$",
    re.I,
)


def _said_then_it(part: str, fields: list) -> str:
    m = _SAID_THEN.match(part)
    if not m or re.match(rf"{_DO}\b", m["a"], re.I) or not _PRONOUN.search(m["b"]):
        return part
    said = m["a"]
    do = re.sub(r"^take\s+(?P<it>it|them|that|this)\s+out\b", r"remove \g<it>", m["b"], flags=re.I)
    new = _NEW_THING.match(said)
    labels = {
        w for f in fields for w in (f["label"].strip(" ?").lower(), f["name"].replace("_", " "))
    }
    if (
        new
        and (new["x"] or new["y"] or new["z"] or new["w"] or new["u"]).strip().lower() not in labels
    ):
        thing = new["x"] or new["y"] or new["z"] or new["w"] or f"{new['u']} upload"
        # "add one after phone", "add a dropdown for it with A, B": a field of that name
        do = re.sub(
            r"^(?P<v>add|include)\s+(?:one|it|that|this)\b", rf"\g<v> a {thing}", do, flags=re.I
        )
        return re.sub(
            r"^(?P<v>add|include)\s+(?:an?\s+)(?P<k>[\w/ -]+?)\s+for\s+(?:it|that|this)\b",
            rf"\g<v> a {thing} \g<k>",
            do,
            flags=re.I,
        )
    label = named_first(said, fields)
    return _PRONOUN.sub(f"“{label}”", do, count=1) if label else part


_TYPED = ("text", "textarea", "email", "phone", "url", "number")


def tidy(config: dict, draft: dict) -> None:
    """What an instruction changes carries over to the words around it:
    - a field that stopped being typed in (now a dropdown, a date, a checkbox…) loses the
      example text it had: "Head of Operations" is no prompt for [Mr, Mrs, Ms];
    - a yes/no question added in English to a Dutch form answers "Ja" / "Nee", and a field
      added to a French form shows "Rue, ville, code postal", not the English example."""
    old = {f["name"]: f for f in config.get("fields") or []}
    yes_no = _yes_no_of(config.get("description") or "")
    locale = _locale_of(config.get("description") or "")
    for field in draft["fields"]:
        was = old.get(field["name"])
        if (
            was
            and was["type"] in _TYPED
            and field["type"] not in _TYPED
            and field.get("placeholder") == was.get("placeholder")
        ):
            field["placeholder"] = ""
        if not was and yes_no and field.get("options") == ["Yes", "No"]:
            field["options"] = list(yes_no)
        if not was and locale:
            field["placeholder"] = sample_in(field.get("placeholder") or "", locale)


def _locale_of(description: str) -> str | None:
    lang = source_language(description)
    return dutch_or_italian(description, lang) or lang


def _yes_no_of(description: str) -> tuple[str, str] | None:
    lang = source_language(description)
    own = dutch_or_italian(description, lang)
    return YES_NO_NL_IT[own] if own else tuple(YES_NO[lang]) if lang else None


_CLEAR = re.compile(
    r"^(?:remove|delete|clear|drop|get rid of|take out)\s+(?:the\s+)?(?P<a>placeholder|help text|hint|example|sample)(?:\s+text)?\s+"
    r"(?:of|from|on|in|for)\s+(?:the\s+)?(?P<x>.+)$",
    re.I,
)


def clear(draft: dict, clause: str) -> bool:
    """ "remove the placeholder of Describe the problem": the field stays, its text goes."""
    m = _CLEAR.match(clause.strip().rstrip(".!"))
    if not m:
        return False
    field = find_one(draft["fields"], m["x"])
    field["help" if m["a"].lower() in ("help text", "hint") else "placeholder"] = ""
    return True
