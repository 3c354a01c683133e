"""What good planning feels like from the person's side, in our own words: the statements a person
or their family rate a review against, each from 1 (not at all) to 5 (completely)."""

STATEMENTS: dict[str, str] = {
    "trusted": "I was trusted to write my plan in my own way",
    "whole_life": "The review was about my whole life, not just my care",
    "who_i_wanted": "I could bring in the people I wanted",
    "did_what_said": "People did what they said they would do",
    "knew_what_next": "I knew what would happen next and when",
    "about_me": "The review was about me, not only about money",
    "views_count": "What I said can help change things for other people too",
}

SCALE: list[tuple[int, str]] = [
    (5, "Completely true"),
    (4, "Mostly true"),
    (3, "Partly true"),
    (2, "Hardly true"),
    (1, "Not true at all"),
]
