"""How a decision reads: as the memo asks it ("Het dagelijks bestuur wordt gevraagd in te stemmen
met ...") and, once taken, as decided ("Het DB stemt in met ..."). The decision texts are Dutch
content, so these sentences are Dutch whatever the interface language (pages mark them
`lang="nl"` when the interface is English).
"""

from __future__ import annotations

import re

from .models import BodyKind, DecisionKind, Outcome

#: How the memo names a body in "Het dagelijks bestuur wordt gevraagd ..." (seed 001).
BODY_PHRASES = {
    BodyKind.DAILY_BOARD: "het dagelijks bestuur",
    BodyKind.STEERING_GROUP: "de stuurgroep",
    BodyKind.MEMBERS_COUNCIL: "de ledenraad",
    BodyKind.PROGRAMME_TEAM: "het programmateam",
    BodyKind.LEADS_MEETING: "het kartrekkersoverleg",
}
#: How a decision list names the body that decided ("Het DB stemt in met ...").
DECIDER_PHRASES = {
    BodyKind.DAILY_BOARD: "het DB",
    BodyKind.STEERING_GROUP: "de stuurgroep",
    BodyKind.MEMBERS_COUNCIL: "de ledenraad",
    BodyKind.PROGRAMME_TEAM: "het programmateam",
    BodyKind.LEADS_MEETING: "het kartrekkersoverleg",
}
KIND_PHRASES = {
    DecisionKind.TAKE_NOTE: "kennis te nemen van",
    DecisionKind.AGREE: "in te stemmen met",
}
VERB_STARTS = ("kennis te nemen", "kennis nemen", "kennisnemen", "in te stemmen", "instemmen")

#: "... wordt gevraagd " up to the verb, and the verb phrases a proposed decision starts with.
_ASKED = re.compile(r"^.{0,120}?\bwordt gevraagd\s+", re.IGNORECASE)
_VERB = re.compile(
    r"^(?:(?P<note>kennis\s+(?:te\s+)?nemen|kennisnemen)\s+van"
    r"|(?P<agree>in\s+te\s+stemmen|instemmen)\s+met)\s*:?\s+",
    re.IGNORECASE,
)

#: What the body did, per outcome: "{body} stemt in met {what}."
DECIDED_VERBS = {
    Outcome.ADOPTED: "stemt in met",
    Outcome.ADOPTED_AMENDED: "stemt in met",
    Outcome.REJECTED: "stemt niet in met",
    Outcome.NOTED: "neemt kennis van",
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _subject(body) -> str:
    return BODY_PHRASES.get(body.kind) or f"het {body.name}"


def memo_sentence(decision, body) -> str:
    """A proposed decision as the memo words it: "Het dagelijks bestuur wordt gevraagd in te
    stemmen met ...". Texts already written that way stay as they are."""
    text = decision.text.strip()
    if "wordt gevraagd" in text.lower()[:120]:
        return text
    subject = _capital(_subject(body))
    if text.lower().startswith(VERB_STARTS):
        return f"{subject} wordt gevraagd {text}"
    return f"{subject} wordt gevraagd {KIND_PHRASES[decision.kind]} {text}"


def _what(text: str) -> tuple[str, str | None]:
    """The object of a decision's text, without "… wordt gevraagd" and the verb phrase, and
    which verb it had ("note", "agree" or None)."""
    text = _ASKED.sub("", text.strip(), count=1)
    verb = None
    found = _VERB.match(text)
    if found:
        verb = "note" if found.group("note") else "agree"
        text = text[found.end() :]
    text = text.strip().rstrip(";,.: ").strip()
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text, verb


def decided_sentence(decision, body) -> str:
    """The decision as taken, in the words of a decision list: "Het DB stemt in met het inzetten
    van een regievorm." (the amended text where it was amended), "Het DB neemt kennis van ...",
    "Het DB stemt niet in met ..."; a deferred one: "Het DB houdt aan: in te stemmen met ...".
    A decision without an outcome keeps the memo's wording."""
    if not decision.outcome:
        return memo_sentence(decision, body)
    decider = _capital(DECIDER_PHRASES.get(body.kind) or body.name)
    what, verb = _what(decision.final_text)
    if decision.outcome == Outcome.DEFERRED:
        phrase = KIND_PHRASES[DecisionKind.TAKE_NOTE if verb == "note" else decision.kind]
        return f"{decider} houdt aan: {phrase} {what}."
    if decision.outcome == Outcome.NOTED:
        return f"{decider} {DECIDED_VERBS[Outcome.NOTED]} {what}."
    return f"{decider} {DECIDED_VERBS[decision.outcome]} {what}."
