#!/usr/bin/env python3
"""Generate a synthetic Scholia site (and optionally an equivalent Hugo site) for benchmarks.

    generate_corpus.py N OUT_DIR [--hugo HUGO_DIR] [--seed S] [--text templates|zipf]

Writes N documents (a third .txt with a sidecar NAME.yml, the rest .md with front matter),
speaker, topic and collection files, and site.yml into OUT_DIR. With --hugo, also writes a
Hugo site with the same documents, taxonomies (speakers, topics), related content and a
minimal theme. Standard library only; the same N and seed always give the same files.
"""

import argparse
import bisect
import datetime
import json
import os
import random
import re
import textwrap
import unicodedata

# ---------------------------------------------------------------------------------------------
# Word pools

GIVEN_NAMES = [
    "John", "Sergey", "Madeleine", "Henry", "Condoleezza", "Dean", "George", "Hillary", "James",
    "Warren", "Cyrus", "Alexander", "Colin", "Ursula", "Angela", "Helmut", "Margaret", "Winston",
    "Clement", "Harold", "Charles", "Indira", "Jawaharlal", "Golda", "Yitzhak", "Anwar", "Kofi",
    "Boutros", "Javier", "Dag", "Eleanor", "Frances", "Shirley", "Barbara", "Nancy", "Samantha",
    "Susan", "Jeane", "Robert", "Edward", "Thomas", "William", "Richard", "Lyndon", "Dwight",
    "Harry", "Ronald", "Gerald", "Jimmy", "Barack", "Joseph", "Kamala", "Antony", "Zbigniew",
    "Brent", "Andrei", "Eduard", "Mikhail", "Boris", "Vladimir", "Zhou", "Deng", "Jiang",
    "Shinzo", "Junichiro", "Kim", "Nelson", "Desmond", "Julius", "Kwame", "Jomo", "Ellen",
    "Michelle", "Jacinda", "Gro", "Olof", "Willy", "François", "Jacques", "Nicolas", "Emmanuel",
    "José", "Felipe", "Luiz", "Dilma", "Cristina", "Néstor", "Benazir", "Zulfikar", "Sirimavo",
]

FAMILY_NAMES = [
    "Kerry", "Lavrov", "Albright", "Kissinger", "Rice", "Acheson", "Marshall", "Clinton", "Baker",
    "Christopher", "Vance", "Haig", "Powell", "von der Leyen", "Merkel", "Kohl", "Thatcher",
    "Churchill", "Attlee", "Wilson", "de Gaulle", "Gandhi", "Nehru", "Meir", "Rabin", "Sadat",
    "Annan", "Ghali", "Pérez de Cuéllar", "Hammarskjöld", "Roosevelt", "Perkins", "Chisholm",
    "Jordan", "Pelosi", "Power", "Kirkpatrick", "Kennedy", "Muskie", "Jefferson", "Rogers",
    "Nixon", "Johnson", "Eisenhower", "Truman", "Reagan", "Ford", "Carter", "Obama", "Biden",
    "Harris", "Blinken", "Brzezinski", "Scowcroft", "Gromyko", "Shevardnadze", "Gorbachev",
    "Yeltsin", "Putin", "Enlai", "Xiaoping", "Zemin", "Abe", "Koizumi", "Dae-jung", "Mandela",
    "Tutu", "Nyerere", "Nkrumah", "Kenyatta", "Johnson Sirleaf", "Bachelet", "Ardern",
    "Brundtland", "Palme", "Brandt", "Mitterrand", "Chirac", "Sarkozy", "Macron", "Zapatero",
    "González", "Lula da Silva", "Rousseff", "Kirchner", "Bhutto", "Bandaranaike", "Smith",
    "Jones", "Brown", "Miller", "Davis", "García", "Martínez", "Nguyen", "Okafor", "Haddad",
    "Sato", "Tanaka", "Schmidt", "Rossi", "Novak", "Kowalski", "O'Brien", "MacDonald",
    "Andersson", "Hansen", "Dubois", "Moreau", "Fischer", "Weber", "Ivanov", "Petrov",
    "Popescu", "Horváth", "Yilmaz", "Cohen", "Levi", "Mensah", "Abebe", "Banda", "Mwangi",
]

# (role title, transcript label prefix); journalists and citizens are "MR."/"MS." instead.
ROLES = [
    ("Secretary of State", "SECRETARY"), ("Foreign Minister", "FOREIGN MINISTER"),
    ("President of the United States", "PRESIDENT"), ("Prime Minister", "PRIME MINISTER"),
    ("Senator", "SENATOR"), ("Ambassador to the United Nations", "AMBASSADOR"),
    ("Secretary-General of the United Nations", "SECRETARY-GENERAL"), ("Governor", "GOVERNOR"),
    ("National Security Advisor", "MR."), ("Chancellor", "CHANCELLOR"),
    ("President of the European Commission", "PRESIDENT"), ("Journalist", "MR."),
    ("Professor of History", "PROFESSOR"), ("Representative", "CONGRESSWOMAN"),
    ("Secretary of Defense", "SECRETARY"), ("Minister of Finance", "MINISTER"),
]

REGIONS = [
    "Middle East", "European", "Transatlantic", "Asia-Pacific", "African", "Latin American",
    "Arctic", "Central Asian", "Balkan", "Caribbean", "Nordic", "Gulf", "South Asian",
    "Southeast Asian", "Korean Peninsula", "Mediterranean", "Baltic", "Andean", "Sahel",
    "Horn of Africa", "Caucasus", "Pacific Islands", "Great Lakes", "Danube", "Atlantic",
    "Indian Ocean", "Black Sea", "Amazon", "Himalayan", "Global", "Soviet", "Post-Soviet",
    "Cold War", "Western Hemisphere", "North American", "East Asian", "Levant", "Maghreb",
    "Iberian", "Alpine",
]

SUBJECTS = [
    "Security", "Trade Policy", "Arms Control", "Human Rights", "Energy Policy", "Climate Change",
    "Refugees", "Nuclear Nonproliferation", "Economic Development", "Diplomacy", "Civil Rights",
    "Public Health", "Decolonization", "Alliances", "Peacekeeping", "Sanctions", "Migration",
    "Food Security", "Water Rights", "Terrorism", "Cybersecurity", "Space Policy", "Elections",
    "Labor Movements", "Women's Suffrage", "Education Reform", "Monetary Policy", "Debt Relief",
    "Humanitarian Aid", "Treaties", "Border Disputes", "Maritime Law", "Press Freedom",
    "Religious Freedom", "Reconstruction", "Disarmament", "Intelligence", "Foreign Aid",
    "Infrastructure", "Agriculture", "Fisheries", "Pandemics", "Minority Rights", "Oil Markets",
    "Shipping", "Telecommunications", "Regional Integration", "Constitutional Reform",
    "War Crimes", "Truth Commissions",
]

DOC_TYPES = ["speech", "press-conference", "interview", "debate", "letter", "statement",
             "remarks", "testimony", "memorandum", "report"]

TYPE_WORDS = {
    "speech": "Speech", "press-conference": "Press Conference", "interview": "Interview",
    "debate": "Debate", "letter": "Letter", "statement": "Statement", "remarks": "Remarks",
    "testimony": "Testimony", "memorandum": "Memorandum", "report": "Report",
}

PUBLISHERS = [
    "Council on Foreign Relations", "U.S. Department of State", "The American Presidency Project",
    "Miller Center, University of Virginia", "The Avalon Project, Yale Law School",
    "United Nations Digital Library", "National Archives and Records Administration",
    "Wilson Center Digital Archive", "Hansard", "Library of Congress",
]

PLACES = ["Moscow", "Washington", "Geneva", "Brussels", "Paris", "London", "Beijing", "Tokyo",
          "New York", "Vienna", "Cairo", "Nairobi", "Brasília", "New Delhi", "Canberra", "Ottawa",
          "Helsinki", "Reykjavík", "Istanbul", "Camp David", "Yalta", "Potsdam", "Bretton Woods"]

ORGS = ["the United Nations", "NATO", "the European Union", "the African Union", "ASEAN",
        "the Security Council", "the World Bank", "the IMF", "the OSCE", "the G7", "the G20",
        "the Arab League", "the Organization of American States", "Congress", "Parliament"]

THINGS = ["the communiqué", "the ceasefire", "the agreement", "the framework", "the treaty",
          "the resolution", "the negotiations", "the transition", "the humanitarian corridor",
          "the verification regime", "the summit", "the joint declaration", "the proposal",
          "the inspections", "the talks", "the reform package", "the election", "the budget"]

SENTENCES = [
    "Let me begin with the alternative, which is that there is even more violence in {place}.",
    "I think there has been a perception that {org} has not been on the same page regarding {thing}.",
    "What is significant is that we are here to say that we are going to cooperate on {thing}.",
    "Our understanding of {thing} is very similar, and there is more agreement than people think.",
    "The people of {place} will decide their own future, and that is what we are trying to support.",
    "I am not going to decide that tonight, and I am not going to decide it in the end.",
    "We have made real progress on {topic}, but there is a great deal of work still to be done.",
    "Nobody should be under any illusion about the difficulty of {thing}.",
    "I had a long and, I think, very constructive conversation with my colleague this morning.",
    "The question of {topic} cannot be separated from the question of {topic2}.",
    "We will continue to work with {org} to make sure that {thing} is implemented in full.",
    "Frankly, I think a lot of people in the region are deeply concerned about {topic}.",
    "That is a fair question, and I want to answer it directly.",
    "History will judge us not by what we say here in {place} but by what we do afterwards.",
    "There is no military solution to this; there is only a political one.",
    "We agreed that {thing} has to be chosen by mutual consent of the parties.",
    "I would remind everyone that {org} was founded precisely to deal with moments like this.",
    "It is obviously up to the government to undertake the steps that guarantee {thing}.",
    "We have to see how that plays out over the next few weeks.",
    "The American people expect us to be honest about the costs of {topic}.",
    "Our position on {topic} has not changed since the last meeting in {place}.",
    "Could you say a word about {thing} and whether it will survive the summer?",
    "Why should anyone have more confidence today than they did a year ago?",
    "Is there a timetable, and who will enforce it if the parties do not comply?",
    "I want to thank the people of {place} for their hospitality.",
    "This is a moment that calls for patience, but not for complacency.",
    "We are prepared to provide additional assistance for {topic} in the coming year.",
    "Those are the facts, and I think they speak for themselves.",
    "Allow me to say a few words about {topic} before I take your questions.",
    "In the end, {thing} is only as strong as the will of those who signed it.",
]

REMARKS = ["(Inaudible)", "[Applause]", "(Laughter.)", "[Crosstalk]", "(Applause.)",
           "[Inaudible]", "(Pause.)", "[Recording interrupted]"]

PLAIN_LABELS = ["QUESTION", "MODERATOR", "PARTICIPANT", "MR. SMITH", "MS. JONES", "VOICE"]

# ---------------------------------------------------------------------------------------------
# Helpers


def slugify(text):
    """ASCII slug: 'Pérez de Cuéllar' -> 'perez-de-cuellar'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def q(value):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def random_date(rng):
    start = datetime.date(1945, 1, 1).toordinal()
    end = datetime.date(2024, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


# ---------------------------------------------------------------------------------------------
# Pools of speakers and topics


def make_speakers(rng, count):
    speakers, seen = [], set()
    while len(speakers) < count:
        given, family = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
        if rng.random() < 0.3:
            given += " " + rng.choice("ABCDEFGHJKLMNPRSTVW") + "."
        name = f"{given} {family}"
        ident = slugify(name)
        if ident in seen:
            continue
        seen.add(ident)
        # A career of 1 to 3 consecutive roles between 1940 and 2024.
        year = rng.randint(1940, 2015)
        roles = []
        for _ in range(rng.randint(1, 3)):
            title, prefix = rng.choice(ROLES)
            end = min(2024, year + rng.randint(2, 12))
            roles.append({"title": title, "prefix": prefix, "from": year, "to": end})
            year = end
        speakers.append({"id": ident, "name": name, "given": given, "family": family,
                         "roles": roles})
    return speakers


def make_topics(rng, count):
    titles = [f"{r} {s}" for r in REGIONS for s in SUBJECTS]
    rng.shuffle(titles)
    topics, n = [], 0
    while len(topics) < count:
        base = titles[n % len(titles)]
        title = base if n < len(titles) else f"{base} {n // len(titles) + 1}"
        topics.append({"id": slugify(title), "title": title})
        n += 1
    return topics


def role_at(speaker, year):
    """The speaker's role at the time: the one covering the year, else the nearest."""
    return min(speaker["roles"],
               key=lambda r: 0 if r["from"] <= year <= r["to"] else min(abs(year - r["from"]),
                                                                       abs(year - r["to"])))


def label_for(speaker, role):
    return f"{role['prefix']} {speaker['family']}".upper()


# ---------------------------------------------------------------------------------------------
# Documents


# Realistic prose (--text zipf): the template sentences above repeat, so every content word is frequent
# and every phrase is ambiguous. Here sentences are drawn word by word: function words at about the rate
# of English, content words from a made-up vocabulary whose frequencies follow Zipf's law (rank r has
# weight 1/r), with inflections that the stemmer folds, and now and then a name, place or topic.

FUNCTION_WORDS = ["the", "of", "and", "to", "a", "in", "that", "is", "it", "for", "we", "was", "on", "with",
                  "as", "i", "be", "this", "have", "not", "are", "by", "at", "they", "but", "from", "he",
                  "will", "what", "there", "all", "would", "so", "an", "our", "about", "which", "do", "if",
                  "their", "has", "can", "more", "one", "who", "been", "were", "you", "or", "no", "very"]
SYLLABLES = [c + v for c in ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "pr", "st",
                             "tr", "gr", "br", "pl", "cr", "sh", "ch", "th"]
             for v in ["a", "e", "i", "o", "u", "ai", "ea", "ou", "ar", "er", "or", "en", "an", "on"]]
ENDINGS = ["", "", "", "", "s", "ed", "ing", "ly", "ment", "tion", "al", "ive", "ness", "er"]


class Prose:
    def __init__(self, rng, size=40000):
        words, seen = [], set()
        while len(words) < size:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([1, 2, 2, 2, 3, 3])))
            word += rng.choice("nlrstmdk") if rng.random() < 0.5 else ""
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        total, self.cumulative = 0.0, []
        for rank in range(1, size + 1):
            total += 1.0 / rank
            self.cumulative.append(total)
        total, self.function_cumulative = 0.0, []
        for rank in range(1, len(FUNCTION_WORDS) + 1):
            total += 1.0 / rank
            self.function_cumulative.append(total)

    def content_word(self, rng):
        index = bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])
        return self.words[min(index, len(self.words) - 1)] + rng.choice(ENDINGS)

    def function_word(self, rng):
        index = bisect.bisect_left(self.function_cumulative, rng.random() * self.function_cumulative[-1])
        return FUNCTION_WORDS[min(index, len(FUNCTION_WORDS) - 1)]

    def sentence(self, rng, topics):
        words = []
        for _ in range(rng.randint(6, 24)):
            roll = rng.random()
            if roll < 0.45:
                words.append(self.function_word(rng))
            elif roll < 0.97:
                words.append(self.content_word(rng))
            else:
                words.append(rng.choice([rng.choice(PLACES), rng.choice(ORGS), rng.choice(topics)["title"]]))
        text = " ".join(words)
        if rng.random() < 0.2:
            cut = rng.randrange(1, len(words))
            text = " ".join(words[:cut]) + ", " + " ".join(words[cut:])
        return text[0].upper() + text[1:] + rng.choice([".", ".", ".", ".", "?", ";"])[0]


PROSE = None


def sentence(rng, topics):
    if PROSE is not None:
        return PROSE.sentence(rng, topics)
    return rng.choice(SENTENCES).format(
        place=rng.choice(PLACES), org=rng.choice(ORGS), thing=rng.choice(THINGS),
        topic=rng.choice(topics)["title"], topic2=rng.choice(topics)["title"])


def decorate_markdown(rng, text):
    """Add some emphasis or a link to a Markdown paragraph."""
    words = text.split(" ")
    if len(words) > 6:
        i = rng.randrange(0, len(words) - 3)
        kind = rng.random()
        phrase = " ".join(words[i:i + 3])
        if kind < 0.4:
            phrase = f"*{phrase}*"
        elif kind < 0.7:
            phrase = f"**{phrase}**"
        else:
            phrase = f"[{phrase}](https://example.org/reference/{rng.randint(1, 9999)})"
        words[i:i + 3] = [phrase]
    return " ".join(words)


def make_paragraphs(rng, doc_speakers, topics, markdown):
    """5-40 paragraphs, many of them starting with a speaker label."""
    labels = [s["label"] for s in doc_speakers]
    plain = rng.sample(PLAIN_LABELS, 2)
    paragraphs = []
    for _ in range(rng.randint(5, 40)):
        r = rng.random()
        if r < 0.05:
            paragraphs.append(rng.choice(REMARKS))
            continue
        text = " ".join(sentence(rng, topics) for _ in range(rng.randint(1, 5)))
        if markdown and rng.random() < 0.25:
            text = decorate_markdown(rng, text)
        if rng.random() < 0.08:
            text = f"{text} {rng.choice(REMARKS)}"
        elif rng.random() < 0.05:
            text = f"{rng.choice(REMARKS)} {text}"
        if r < 0.45:
            label = rng.choice(labels)
        elif r < 0.6:
            label = rng.choice(plain)
        else:
            label = None
        if label:
            if markdown and rng.random() < 0.2:
                text = f"**{label}:** {text}"
            else:
                text = f"{label}: {text}"
        paragraphs.append(text)
    return paragraphs


def make_title(rng, doc_type, doc_speakers, topic, date):
    names = [f"{s['prefix'].title()} {s['family']}" if s["prefix"] not in ("MR.",)
             else s["name"] for s in doc_speakers]
    who = " and ".join(names[:2])
    word = TYPE_WORDS[doc_type]
    month = date.strftime("%B %Y")
    if doc_type == "press-conference":
        return f"Joint Press Conference by {who}, {month}"
    if doc_type == "interview":
        return f"Interview with {names[0]} on {topic['title']}"
    if doc_type == "letter":
        return f"Letter from {who} on {topic['title']}"
    if doc_type == "debate":
        return f"Debate on {topic['title']}: {who}"
    return f"{word} by {names[0]} on {topic['title']}, {month}"


def make_document(rng, index, speakers, topics, used_ids):
    date = random_date(rng)
    doc_type = rng.choice(DOC_TYPES)
    doc_speakers = []
    for sp in rng.sample(speakers, rng.randint(1, 3)):
        role = role_at(sp, date.year)
        doc_speakers.append({"id": sp["id"], "name": sp["name"], "family": sp["family"],
                             "role": role["title"], "prefix": role["prefix"],
                             "label": label_for(sp, role)})
    doc_topics = rng.sample(topics, rng.randint(1, 3))
    title = make_title(rng, doc_type, doc_speakers, doc_topics[0], date)
    ident = f"{slugify(title)[:60].rstrip('-')}-{date.isoformat()}"
    if ident in used_ids:
        ident = f"{ident}-{index}"
    used_ids.add(ident)
    # A few documents are dated only to the month.
    date_text = date.isoformat() if rng.random() > 0.03 else date.strftime("%Y-%m")
    markdown = index % 3 != 0          # a third are plain text
    summary = (f"{doc_speakers[0]['name']}, {doc_speakers[0]['role']}, on "
               f"{doc_topics[0]['title']} in {rng.choice(PLACES)}. "
               + sentence(rng, topics))
    if markdown and rng.random() < 0.3:
        summary = decorate_markdown(rng, summary)
    return {
        "id": ident, "title": title, "date": date, "date_text": date_text, "type": doc_type,
        "speakers": doc_speakers, "topics": doc_topics, "summary": summary,
        "publisher": rng.choice(PUBLISHERS), "markdown": markdown,
        "accessed": datetime.date(2025, rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
        "paragraphs": make_paragraphs(rng, doc_speakers, topics, markdown),
        "wrap": rng.random() < 0.5,    # hard-wrap half of the .txt files
    }


def document_metadata(doc):
    lines = [f"title: {q(doc['title'])}", f"date: {doc['date_text']}", f"type: {doc['type']}",
             "speakers:"]
    for s in doc["speakers"]:
        lines += [f"  - id: {s['id']}", f"    role: {q(s['role'])}", f"    label: {q(s['label'])}"]
    lines.append("topics: [" + ", ".join(t["id"] for t in doc["topics"]) + "]")
    lines.append(f"summary: {q(doc['summary'])}")
    lines += ["source:", f"  publisher: {q(doc['publisher'])}",
              f"  url: https://example.org/sources/{doc['id']}", f"  accessed: {doc['accessed']}"]
    return "\n".join(lines) + "\n"


def document_body(doc):
    paragraphs = doc["paragraphs"]
    if not doc["markdown"] and doc["wrap"]:
        paragraphs = [textwrap.fill(p, 72) for p in paragraphs]
    return "\n\n".join(paragraphs) + "\n"


def write_scholia_document(out, doc):
    folder = os.path.join(out, "Content", "documents")
    if doc["markdown"]:
        write(os.path.join(folder, doc["id"] + ".md"),
              "---\n" + document_metadata(doc) + "---\n\n" + document_body(doc))
    else:
        write(os.path.join(folder, doc["id"] + ".yml"), document_metadata(doc))
        write(os.path.join(folder, doc["id"] + ".txt"), document_body(doc))


# ---------------------------------------------------------------------------------------------
# Speakers, topics, collections


def speaker_file(sp):
    lines = ["---", f"name: {q(sp['name'])}", f"given: {q(sp['given'])}",
             f"family: {q(sp['family'])}", "roles:"]
    for r in sp["roles"]:
        lines += [f"  - title: {q(r['title'])}", f"    from: {r['from']}", f"    to: {r['to']}"]
    lines.append("---")
    first = sp["roles"][0]
    bio = (f"{sp['name']} served as {first['title']} from {first['from']} to {first['to']}"
           f" and is remembered for a long career in public life.")
    return "\n".join(lines) + "\n\n" + bio + "\n"


def topic_file(topic, rng, topics):
    return ("---\n" + f"title: {q(topic['title'])}\n"
            + f"summary: {q('Primary sources on ' + topic['title'].lower() + '.')}\n" + "---\n\n"
            + sentence(rng, topics) + " " + sentence(rng, topics) + "\n")


def make_collections(rng, docs):
    count = min(10, max(3, len(docs) // 1000))
    collections = []
    for i in range(count):
        picked = rng.sample(docs, min(len(docs), rng.randint(5, 15)))
        collections.append({
            "id": f"hist-{210 + i}-reading-list",
            "title": f"HIST {210 + i}: Diplomacy and Its Documents",
            "course": f"HIST {210 + i}", "term": rng.choice(["Fall", "Spring"]) + " 2025",
            "instructor": f"Professor {rng.choice(FAMILY_NAMES)}",
            "documents": [d["id"] for d in picked],
        })
    return collections


def collection_file(col):
    lines = ["---", f"title: {q(col['title'])}", f"course: {q(col['course'])}",
             f"term: {q(col['term'])}", f"instructor: {q(col['instructor'])}", "style: apa",
             "documents:"] + [f"  - {d}" for d in col["documents"]] + ["---"]
    body = ("Read the documents in order before each seminar.\n\n"
            "## Discussion questions\n\n"
            "1. Who is speaking, to whom, and for what purpose?\n"
            "2. What does the speaker leave unsaid?\n")
    return "\n".join(lines) + "\n\n" + body


# ---------------------------------------------------------------------------------------------
# Hugo


HUGO_CONFIG = """\
baseURL = "https://example.org/"
languageCode = "en-US"
title = "Scholia Benchmark Corpus"
disableKinds = ["robotsTXT"]
rssLimit = 20
paginate = 20

[taxonomies]
  speaker = "speakers"
  topic = "topics"

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[related]
  includeNewer = true
  threshold = 80
  toLower = false
  [[related.indices]]
    name = "speakers"
    weight = 100
  [[related.indices]]
    name = "topics"
    weight = 80
  [[related.indices]]
    name = "date"
    weight = 10
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "/documents/" | relURL }}">Documents</a> <a href="{{ "/speakers/" | relURL }}">Speakers</a> <a href="{{ "/topics/" | relURL }}">Topics</a> <a href="{{ "/collections/" | relURL }}">Collections</a></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="speakers">Speakers:
{{ $roles := .Params.roles }}
{{ range $i, $t := .GetTerms "speakers" }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ with index $roles $i }}, {{ . }}{{ end }}{{ end }}
</p>
<p class="date">{{ .Date.Format "January 2, 2006" }}</p>
<p class="summary">{{ .Params.summary | markdownify }}</p>
<div class="transcript">
{{ .Content }}
</div>
<p class="topics">Topics: {{ range $i, $t := .GetTerms "topics" }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</p>
</article>
{{ $related := .Site.RegularPages.Related . | first 5 }}
{{ with $related }}
<section class="related">
<h2>More on This Topic</h2>
<ul>
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ .Date.Format "2006" }})</li>
{{ end }}
</ul>
</section>
{{ end }}
{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pager := .Paginate .Pages.ByDate.Reverse }}
<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}
</ul>
{{ with $pager.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
{{ end }}
""",
    "_default/taxonomy.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
""",
    "_default/term.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
{{ range .Pages.GroupByDate "2006" }}
<h2>{{ .Key }}</h2>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
{{ end }}
""",
    "collections/single.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ .Params.course }}, {{ .Params.term }}, {{ .Params.instructor }}</p>
<ol>
{{ range .Params.documents }}{{ with site.GetPage (printf "/documents/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
{{ end }}
</ol>
{{ .Content }}
{{ end }}
""",
    "index.html": """\
{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<h2>Recent documents</h2>
<ul>
{{ range first 10 (where .Site.RegularPages.ByDate.Reverse "Section" "documents") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
<h2>Collections</h2>
<ul>
{{ range where .Site.RegularPages "Section" "collections" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
""",
    "404.html": """\
{{ define "main" }}<h1>Page not found</h1>{{ end }}
""",
}


def hugo_escape(text):
    """Make plain text safe as Markdown: backslash-escape Markdown punctuation."""
    return re.sub(r"([\\`*_\[\]<>#|!])", r"\\\1", text)


def write_hugo(hugo_dir, docs, speakers, topics, collections, speaker_files, topic_files):
    write(os.path.join(hugo_dir, "hugo.toml"), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo_dir, "layouts", name), text)
    content = os.path.join(hugo_dir, "content")
    write(os.path.join(content, "documents", "_index.md"), '---\ntitle: "Documents"\n---\n')
    write(os.path.join(content, "collections", "_index.md"), '---\ntitle: "Collections"\n---\n')
    for doc in docs:
        date = doc["date_text"] if len(doc["date_text"]) == 10 else doc["date_text"] + "-01"
        front = [f"title: {q(doc['title'])}", f"date: {date}", f"doctype: {doc['type']}",
                 "speakers: [" + ", ".join(s["id"] for s in doc["speakers"]) + "]",
                 "roles: [" + ", ".join(q(s["role"]) for s in doc["speakers"]) + "]",
                 "topics: [" + ", ".join(t["id"] for t in doc["topics"]) + "]",
                 f"summary: {q(doc['summary'])}"]
        if doc["markdown"]:
            body = document_body(doc)
        else:  # plain text: one Markdown paragraph per paragraph, characters literal
            body = "\n\n".join(hugo_escape(p) for p in doc["paragraphs"]) + "\n"
        write(os.path.join(content, "documents", doc["id"] + ".md"),
              "---\n" + "\n".join(front) + "\n---\n\n" + body)
    # Every speaker and topic gets a term page from the taxonomy; those with a file also get
    # a title and body, as in Scholia.
    for sp in speaker_files:
        write(os.path.join(content, "speakers", sp["id"], "_index.md"),
              f"---\ntitle: {q(sp['name'])}\n---\n\n" + speaker_file(sp).split("---\n\n", 1)[1])
    for t, body in topic_files:
        write(os.path.join(content, "topics", t["id"], "_index.md"), body)
    for col in collections:
        write(os.path.join(content, "collections", col["id"] + ".md"), collection_file(col))


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description="Generate a Scholia benchmark corpus.")
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out", help="output folder for the Scholia site")
    parser.add_argument("--hugo", help="also write an equivalent Hugo site in this folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--text", choices=["templates", "zipf"], default="templates",
                        help="templates: sentences from a fixed list (the build benchmarks); zipf: unique sentences "
                             "from a Zipf-distributed vocabulary (the search benchmark)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    if args.text == "zipf":
        global PROSE
        PROSE = Prose(random.Random(args.seed + 1000))
    speakers = make_speakers(rng, max(20, args.n // 20))
    topics = make_topics(rng, max(10, args.n // 50))
    used_ids = set()
    docs = [make_document(rng, i, speakers, topics, used_ids) for i in range(args.n)]
    collections = make_collections(rng, docs)

    out = args.out
    write(os.path.join(out, "site.yml"),
          'title: "Scholia Benchmark Corpus"\nbase_url: https://example.org/\n'
          'language: en-US\npublisher: "Scholia Benchmarks"\n')
    for doc in docs:
        write_scholia_document(out, doc)
    speaker_files = speakers[::2]
    for sp in speaker_files:
        write(os.path.join(out, "Content", "speakers", sp["id"] + ".md"), speaker_file(sp))
    topic_files = [(t, topic_file(t, rng, topics)) for t in topics[::2]]
    for t, body in topic_files:
        write(os.path.join(out, "Content", "topics", t["id"] + ".md"), body)
    for col in collections:
        write(os.path.join(out, "Content", "collections", col["id"] + ".md"), collection_file(col))

    if args.hugo:
        write_hugo(args.hugo, docs, speakers, topics, collections, speaker_files, topic_files)


if __name__ == "__main__":
    main()
