#!/usr/bin/env python3
"""Writes the pinyin table contacts are matched by (src/WebMail.Server/Mail/Contacts/PinyinReadings.txt).

Source: the Unicode Han Database (Unihan_Readings.txt), as Debian's unicode-data package ships it
(/usr/share/unicode/Unihan_Readings.txt.bz2; `apt-get install unicode-data`). Every Mandarin reading a character
has in kMandarin, kHanyuPinyin, kXHC1983 and kTGHZ2013 is kept, without tones (ü written both v and u), so a surname read
differently from the word (单 shan, 曾 zeng, 解 xie) is found by how it is said in a name too.
Run again when Unicode adds characters: python3 scripts/pinyin-table.py [Unihan_Readings.txt.bz2]
"""
import bz2
import re
import sys
import unicodedata
from collections import defaultdict

FIELDS = {"kMandarin", "kHanyuPinyin", "kXHC1983", "kTGHZ2013"}
source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/Unihan_Readings.txt.bz2"
target = "src/WebMail.Server/Mail/Contacts/PinyinReadings.txt"


def toneless(reading):
    """The reading without tones; ü both as v (as pinyin keyboards type it) and as u (as it is often written)."""
    decomposed = unicodedata.normalize("NFD", reading.lower())
    with_v = "".join(c for c in decomposed.replace("u\u0308", "v") if not unicodedata.combining(c))
    plain = [r for r in {with_v, with_v.replace("v", "u")} if re.fullmatch(r"[a-z]+", r)]
    return plain


chars_by_reading = defaultdict(set)
common_by_reading = defaultdict(set)  # kMandarin: the reading a character usually has
version = "unknown"
with bz2.open(source, "rt", encoding="utf-8") as lines:
    for line in lines:
        if line.startswith("#"):
            found = re.search(r"Unicode version: (\S+)", line)
            if found:
                version = found.group(1)
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or parts[1] not in FIELDS:
            continue
        char = chr(int(parts[0][2:], 16))
        # kHanyuPinyin/kXHC1983/kTGHZ2013 put locations before a colon and list readings with commas and spaces.
        for item in parts[2].split(" "):
            for reading in item.split(":")[-1].split(","):
                for plain in toneless(reading):
                    chars_by_reading[plain].add(char)
                    if parts[1] == "kMandarin":
                        common_by_reading[plain].add(char)

with open(target, "w", encoding="utf-8", newline="\n") as out:
    out.write("# Mandarin readings without tones, one reading a line: the reading, a space, the characters read so.\n")
    out.write("# Lines starting with = list the characters whose usual reading (kMandarin) it is; the others, every reading.\n")
    out.write(f"# Made by scripts/pinyin-table.py from the Unicode Han Database (Unihan_Readings.txt, Unicode {version}),\n")
    out.write("# (c) Unicode, Inc., under the Unicode License (https://www.unicode.org/license.txt).\n")
    for reading in sorted(common_by_reading):
        out.write("=" + reading + " " + "".join(sorted(common_by_reading[reading])) + "\n")
    for reading in sorted(chars_by_reading):
        out.write(reading + " " + "".join(sorted(chars_by_reading[reading])) + "\n")
print(f"{target}: {len(chars_by_reading)} readings, {sum(len(c) for c in chars_by_reading.values())} pairs")
