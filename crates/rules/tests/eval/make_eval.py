#!/usr/bin/env python3
"""Builds eval.jsonl: the labelled evaluation set of the diacritics rule.

Positives ("genuine"): the sentences of the seed article (/work/shared/seed/article.txt, copied
here as article.txt) and the comments in comments.txt. Negatives, generated from every
positive: marks stripped ("unaccented"), typed in Telex and in VNI with the keyboard's
Vietnamese mode off ("telex", "vni"), TCVN3 and VNI-Windows mojibake ("tcvn3",
"vni_windows"; TCVN3 through iconv's TCVN5712-1), VIQR ("viqr"); plus the English sentences
in english.txt ("english"). Deterministic: run it again and the file is the same.

    python3 crates/rules/tests/eval/make_eval.py
"""
import json, os, re, subprocess, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TONES = {"\u0301": ("s", "1", "'"), "\u0300": ("f", "2", "`"), "\u0309": ("r", "3", "?"),
         "\u0303": ("x", "4", "~"), "\u0323": ("j", "5", ".")}
MODS = {"\u0302": "circumflex", "\u0306": "breve", "\u031b": "horn"}


def letters(word):
    """Each letter as (base, modifier, tone, upper)."""
    out = []
    for ch in unicodedata.normalize("NFC", word):
        if ch in "đĐ":
            out.append(("d", "stroke", None, ch == "Đ"))
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        mod = next((MODS[m] for m in marks if m in MODS), None)
        tone = next((m for m in marks if m in TONES), None)
        out.append((base.lower(), mod, tone, base.isupper()))
    return out


def case(s, upper):
    return s.upper() if upper else s


def typed(word, scheme):
    """The keys a typist presses for `word` in Telex or VNI; tone key at the end of the word."""
    keys, tone = [], None
    for base, mod, t, upper in letters(word):
        if mod is None:
            keys.append(case(base, upper))
        elif scheme == "telex":
            extra = {"circumflex": base, "breve": "w", "horn": "w", "stroke": "d"}[mod]
            keys.append(case(base, upper) + extra)
        else:
            extra = {"circumflex": "6", "breve": "8", "horn": "7", "stroke": "9"}[mod]
            keys.append(case(base, upper) + extra)
        tone = tone or t
    if tone:
        keys.append(TONES[tone][0 if scheme == "telex" else 1])
    return "".join(keys)


def viqr(word):
    out = []
    for base, mod, t, upper in letters(word):
        s = case(base, upper)
        if mod == "stroke":
            s = case("dd", upper)
        elif mod:
            s += {"circumflex": "^", "breve": "(", "horn": "+"}[mod]
        if t:
            s += TONES[t][2]
        out.append(s)
    return "".join(out)


def strip(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def tcvn3(text):
    # TCVN3 fonts have lower-case letter codes only (capitals come from a separate font), so
    # capital Vietnamese letters are written with the lower-case codes, as such text is.
    lowered = "".join(c.lower() if not c.isascii() and c.lower() != c else c for c in text)
    encoded = subprocess.run(["iconv", "-f", "utf-8", "-t", "TCVN5712-1//TRANSLIT"], input=lowered.encode(),
                             capture_output=True, check=True).stdout
    return encoded.decode("latin-1")


# VNI-Windows: a base letter, then one byte for its marks (shown as a Latin-1 letter).
VNI_CIRCUMFLEX = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni_windows(text):
    out = []
    for ch in text:
        if ch.isascii() or not any(ch == c for c in unicodedata.normalize("NFC", ch)):
            out.append(ch)
            continue
        ls = letters(ch)
        if len(ls) != 1:
            out.append(ch)
            continue
        base, mod, t, upper = ls[0]
        if mod == "stroke":
            s = "ñ"
        elif mod == "horn":
            s = {"o": "ô", "u": "ö"}[base] + (VNI_TONE[t] if t else "")
        elif mod == "circumflex":
            s = base + VNI_CIRCUMFLEX[t]
        elif mod == "breve":
            s = base + VNI_BREVE[t]
        elif base == "i" and t:
            s = VNI_I[t]
        elif t and base in "aeiouy":
            s = base + VNI_TONE[t]
        else:
            s = ch
        out.append(s.upper() if upper else s)
    return "".join(out)


def words_map(text, f):
    return re.sub(r"\w+", lambda m: f(m.group(0)), text)


def sentences(text):
    for paragraph in text.split("\n"):
        for s in re.split(r"(?<=[.!?;])\s+", paragraph.strip()):
            if len(s.split()) >= 5:
                yield s


def lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def main():
    with open(os.path.join(HERE, "article.txt"), encoding="utf-8") as f:
        article = list(sentences(f.read()))
    positives = [("article", s) for s in article] + [("comments", s) for s in lines("comments.txt")]
    rows = []
    for source, text in positives:
        rows.append({"label": "genuine", "source": source, "text": text})
        rows.append({"label": "unaccented", "source": source, "text": strip(text)})
        rows.append({"label": "telex", "source": source, "text": words_map(text, lambda w: typed(w, "telex"))})
        rows.append({"label": "vni", "source": source, "text": words_map(text, lambda w: typed(w, "vni"))})
        rows.append({"label": "tcvn3", "source": source, "text": tcvn3(text)})
        rows.append({"label": "vni_windows", "source": source, "text": vni_windows(text)})
        rows.append({"label": "viqr", "source": source, "text": words_map(text, viqr)})
    rows += [{"label": "english", "source": "english", "text": s} for s in lines("english.txt")]
    with open(os.path.join(HERE, "eval.jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), "rows,", len(positives), "genuine")


if __name__ == "__main__":
    main()
