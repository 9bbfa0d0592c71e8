#!/usr/bin/env python3
"""Writes a deterministic stress site for the browser suite: ~60 documents with long transcripts, dense notes
(several per paragraph, notes longer than their paragraph, notes on the last paragraph), long names and titles.

Usage: generate_site.py DIR [--templates DIR]. The same seed always gives the same files."""
import argparse
import random
import shutil
from pathlib import Path

SEED = 20260512
DOCUMENT_COUNT = 60

WORDS = """administration agreement alliance ambassador archive armistice assembly authority balance blockade
border cabinet campaign ceasefire charter coalition commission communique conference congress consent council
crisis delegation democracy deterrence diplomacy doctrine economy election embassy envoy frontier government
guarantee harbor independence inspection island justice language legation liberty mandate memorandum minister
mission negotiation neutrality observer occupation parliament partition petition plebiscite protocol province
ratification reconstruction refugee region republic resolution sanction secretary security senate settlement
sovereignty statute summit territory testimony transition treaty tribunal truce union veto village volunteer
withdrawal""".split()
FILLER = "the a of to and in that we will with for on our their this is are was have not by as".split()

SPEAKERS = [
    ("maximiliana-konstantinopolskaya-wittelsbach", "Maximiliana Alexandrovna Konstantinopolskaya-Wittelsbach",
     "Undersecretary for Multilateral Arrangements, Humanitarian Coordination and Reconstruction Affairs"),
    ("bartholomew-okonkwo-fitzgerald", "Bartholomew Chukwuemeka Okonkwo-Fitzgerald III", "Permanent Representative"),
    ("li-wei", "Li Wei", "Foreign Minister"),
    ("ana-sousa", "Ana Sousa", "Spokesperson"),
]
TYPES = ["press-conference", "speech", "interview", "debate", "testimony", "letter", "statement", "memorandum"]
TOPICS = ["ceasefire-negotiations", "humanitarian-corridors-and-international-observers", "trade", "elections"]
KINDS = ["note", "context", "question", "correction"]


def sentence(rng):
    words = [rng.choice(WORDS if rng.random() < 0.55 else FILLER) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def unique_quote(rng, text, whole):
    """A run of 3-7 words of `text` found exactly once in the whole document, or None."""
    words = text.split()
    for _ in range(40):
        length = rng.randint(3, 7)
        start = rng.randint(0, max(0, len(words) - length))
        quote = " ".join(words[start:start + length]).rstrip(".")
        if len(quote) > 12 and whole.count(quote) == 1:
            return quote
    return None


def yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_document(rng, directory, index):
    speaker_count = rng.randint(1, 3)
    speakers = rng.sample(SPEAKERS, speaker_count)
    labels = [name.split()[-1].upper().replace("-", " ") for _, name, _ in speakers]
    paragraphs, spoken = [], []
    for number in range(rng.randint(8, 40)):
        label = "QUESTION" if number % 4 == 0 else rng.choice(labels)
        short = rng.random() < 0.2
        text = paragraph(rng, 1 if short else rng.randint(2, 7))
        if index % 7 == 0 and number == 3:
            text += " See https://archive.example.org/collections/foreign-relations/volume-xxiv/document-" \
                    "00012345678901234567890123456789/transcript-final-version.pdf for the original."
        spoken.append(text)
        paragraphs.append(f"{label}: {text}")
    whole = "\n\n".join(paragraphs)
    notes = []
    for number, text in enumerate(spoken):
        last = number == len(paragraphs) - 1
        dense = rng.random() < 0.25
        count = rng.randint(2, 4) if dense else (1 if last or rng.random() < 0.3 else 0)
        for _ in range(count):
            quote = unique_quote(rng, text, whole)
            if quote is None:
                continue
            long_note = rng.random() < 0.4
            body = paragraph(rng, rng.randint(4, 9) if long_note else 1)
            notes.append((quote, rng.choice(KINDS), body, rng.random() < 0.3))
    stem = f"generated-{index:02d}"
    year = 1900 + (index * 7) % 120
    long_title = index % 5 == 0
    title = (f"Record of the {index}th Plenary Session of the Commission on the Reconstruction of the Frontier "
             f"Provinces and the Return of Refugees and Displaced Persons, with Annexes" if long_title
             else f"Remarks on the {rng.choice(WORDS).capitalize()} Question, No. {index}")
    (directory / f"{stem}.txt").write_text(whole + "\n")
    speaker_yaml = "".join(
        f"  - id: {sid}\n    role: {yaml_string(role)}\n    label: {yaml_string(label)}\n"
        for (sid, _, role), label in zip(speakers, labels))
    topics = ", ".join(rng.sample(TOPICS, rng.randint(1, 3)))
    (directory / f"{stem}.yml").write_text(
        f"title: {yaml_string(title)}\n"
        f"date: {year}-{index % 12 + 1:02d}-{index % 27 + 1:02d}\n"
        f"type: {TYPES[index % len(TYPES)]}\n"
        f"speakers:\n{speaker_yaml}"
        f"topics: [{topics}]\n"
        f"summary: {yaml_string(paragraph(rng, 3))}\n"
        f"source:\n  publisher: Generated Archive\n  title: Generated source {index}\n"
        f"  url: https://archive.example.org/generated/{index}\n  accessed: 2026-11-29\n")
    if notes:
        lines = ["annotations:"]
        for quote, kind, body, authored in notes:
            lines.append(f"  - quote: {yaml_string(quote)}")
            lines.append(f"    kind: {kind}")
            lines.append(f"    note: {yaml_string(body)}")
            if authored:
                lines.append("    author: Editors of the Generated Archive")
                lines.append("    tags: [generated, stress]")
        (directory / f"{stem}.notes.yml").write_text("\n".join(lines) + "\n")
    return stem


def generate(root: Path, templates: Path):
    rng = random.Random(SEED)
    if root.exists():
        shutil.rmtree(root)
    documents = root / "Content" / "documents"
    documents.mkdir(parents=True)
    for folder in ["speakers", "topics", "collections"]:
        (root / "Content" / folder).mkdir()
    shutil.copytree(templates, root / "Templates")
    (root / "site.yml").write_text(
        'title: "The Generated Archive of Multilateral Negotiations, Commissions and Plenary Sessions"\n'
        "base_url: https://example.org/archive/\nlanguage: en-US\npublisher: Generated Archive\n"
        "citation_styles: [modern-language-association, apa, chicago-note-bibliography]\npaginate: 20\n")
    for sid, name, role in SPEAKERS:
        (root / "Content" / "speakers" / f"{sid}.md").write_text(
            f"---\nname: {yaml_string(name)}\nroles:\n  - {{title: {yaml_string(role)}, from: 1990}}\n---\n"
            f"{paragraph(rng, 4)}\n")
    stems = [write_document(rng, documents, index) for index in range(1, DOCUMENT_COUNT + 1)]
    readings = "".join(f"  - id: {stem}\n    note: {yaml_string(sentence(rng))}\n" for stem in stems[:8])
    (root / "Content" / "collections" / "seminar.md").write_text(
        "---\ntitle: \"Seminar: Negotiating the End of Wars\"\ncourse: \"HIST 999\"\nterm: Fall 2027\n"
        f"instructor: Dr. B. Example\nstyle: apa\ndocuments:\n{readings}---\n{paragraph(rng, 3)}\n\n"
        "## Discussion questions\n\n1. " + sentence(rng) + "\n2. " + sentence(rng) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", type=Path)
    parser.add_argument("--templates", type=Path, default=Path(__file__).resolve().parents[2] / "Templates")
    arguments = parser.parse_args()
    generate(arguments.directory, arguments.templates)
