"""False and true dateline credits on real texts: captions, sentences' brackets and real
datelines put before each development text (tasks/enrich/wire.py `dateline_credits`).

Session 51 counted the captions once ("a one-off count, not kept"); this keeps the count.
Each form goes before every text of a predictions file that `bench/bench_extract.py
--predictions` wrote (990 texts with --step 1), in the opening (merged into the text's
first line) and as a paragraph after a local intro longer than the opening window. A
false credit is an agency the text credits with the form and not without it; a true
form is found when its agency is credited.

    PYTHONPATH=. python bench/bench_extract.py --corpus ../shared/corpus/dev --step 1 \\
        --predictions /tmp/dev990
    PYTHONPATH=. python bench/bench_wire_captions.py /tmp/dev990/pressroom.jsonl
"""

from __future__ import annotations

import argparse
import json

from tasks.enrich.wire import DATELINE_CHARS, dateline_credits

# Session 51's eight caption and sentence forms (BENCHMARKS.md, "The opening window read
# as strictly"), each with the dash that made the old reading take it for a dateline.
CAPTIONS_51 = [
    "Firefighters at the scene on Monday. (AP Photo/John Minchillo) - ",
    "Firefighters at the scene on Monday (AP Photo) - ",
    "Protesters in Paris (Reuters/Jane Doe) - ",
    "Berlin (AFP/file) - ",
    "Smoke rises (Reuters graphic) - ",
    "(Photo: AP) - ",
    "The minister (AP reported earlier) - ",
    "FILE - In this photo (AP) — ",
]
# Captions and sentences shaped like PTI's, IANS's and ANI's datelines: a bracket with no
# dash after it, a state in round brackets.
CAPTIONS_INDIA = [
    "Security personnel stand guard in Srinagar on Friday. (AP Photo/Mukhtar Khan) ",
    "Security personnel in Srinagar, May 3 (AP Photo/Mukhtar Khan) ",
    "Farmers at a protest in Amritsar, May 3. (PTI Photo) ",
    "Congress leader Rahul Gandhi in New Delhi, May 3 (PTI Photo/Kamal Singh) ",
    "Farmers protest in Amritsar on Friday, May 3. (PTI) ",
    "Prime Minister Narendra Modi (PTI) ",
    "Chief Minister Mamata Banerjee (IANS) ",
    "Prime Minister Narendra Modi at a rally in Varanasi. (ANI Photo) ",
    "He told [India] reporters on May 3 (ANI): ",
    "Srinagar (Jammu and Kashmir) residents said (ANI): ",
]
# Real datelines, each with the agency it credits.
DATELINES = [
    ("WASHINGTON (Reuters) - ", "Reuters"),
    ("BERLIN, Dec 2 (Reuters) - ", "Reuters"),
    ("(Reuters) - ", "Reuters"),
    ("(EFE).- ", "EFE"),
    ("Hamburg (dpa/lno) - ", "dpa"),
    ("New Delhi [India], May 3 (ANI): ", "ANI"),
    ("Srinagar (Jammu and Kashmir) [India], May 3 (ANI): ", "ANI"),
    ("NEW DELHI, May 3 (PTI) ", "PTI"),
    ("Mumbai, May 3 (PTI) ", "PTI"),
    ("New Delhi, May 3 (IANS) ", "IANS"),
]
INTRO = ("Residents of Springfield will feel the change from next month, the county said on "
         "Tuesday, as the new rates reach the first households.\n\n"
         "The county's finance office expects most families to pay about twelve dollars "
         "more a month, a spokeswoman said in a statement.\n\n")
assert len(INTRO) > DATELINE_CHARS


def placed(form: str, text: str, after_intro: bool) -> str:
    return (INTRO if after_intro else "") + form + text


def false_credits(texts: list[str], forms: list[str], after_intro: bool) -> int:
    return sum(len(dateline_credits(placed(f, t, after_intro)) - dateline_credits(t))
               for t in texts for f in forms)


def found(texts: list[str], after_intro: bool) -> int:
    return sum(agency in dateline_credits(placed(form, t, after_intro))
               for t in texts for form, agency in DATELINES)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("predictions", help="a pressroom.jsonl of bench_extract --predictions")
    args = ap.parse_args()
    with open(args.predictions, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    texts = [t or "" for t in texts]
    print(f"{len(texts)} texts")
    for where, after in (("opening", False), ("after an intro", True)):
        for name, forms in (("session 51's captions", CAPTIONS_51),
                            ("Indian-shaped captions", CAPTIONS_INDIA)):
            print(f"{where}: {name}: {false_credits(texts, forms, after):,} false credits "
                  f"in {len(texts) * len(forms):,} texts")
        print(f"{where}: real datelines: {found(texts, after):,} of "
              f"{len(texts) * len(DATELINES):,} found")


if __name__ == "__main__":
    main()
