"""The words to use about a person, from the pronouns they recorded ("he/him", "she/her", "they/them").

Pages about someone say "his plan" for a person who uses he/him, never a generic "their". A
person who recorded none, or pronouns this table does not know the other forms of, is spoken of
as "they" (and the page can use their name instead where that reads better). Pure: no ORM.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pronouns:
    they: str  # subject: "he went"
    them: str  # object: "ask him"
    their: str  # possessive: "his plan"
    plural_verb: bool = False  # "they have", but "he has"

    def verb(self, singular: str, plural: str) -> str:
        """The verb that agrees: `p.verb("has", "have")` -> "has" for he, "have" for they."""
        return plural if self.plural_verb else singular


THEY = Pronouns("they", "them", "their", plural_verb=True)

# Keyed by the first form as people write it. Neopronouns are in common use in UK services'
# forms; more can be added here.
KNOWN = {
    "he": Pronouns("he", "him", "his"),
    "she": Pronouns("she", "her", "her"),
    "they": THEY,
    "ze": Pronouns("ze", "zir", "zir"),
    "xe": Pronouns("xe", "xem", "xyr"),
    "ey": Pronouns("ey", "em", "eir"),
    "fae": Pronouns("fae", "faer", "faer"),
}


def pronouns_for(recorded: str) -> Pronouns:
    """ "he/him", "He / Him", "she/they" -> the first set named; anything unknown -> they."""
    first = re.split(r"[\s/,]+", recorded.strip().lower(), maxsplit=1)[0] if recorded.strip() else ""
    return KNOWN.get(first, THEY)
