"""Check a locale copy of a content file against the English: python tools/check_locale_copy.py ENGLISH.toml LOCALE.toml [--section audiences.ID]
    Same tables, keys, array lengths and order; every non-prose value (ids, fact lists, dates, URLs, numbers, enums) identical;
    every prose string translated (contains CJK) unless it is a name/code that stays as is. Prints problems, then OK or N problems."""
import re, sys, tomllib
PROSE_MIN = 25  # English strings of this many characters or more, with spaces, are prose and must be translated
KEEP_KEYS = {"id", "facts", "sources", "date", "checked", "status", "confidence", "kind", "jurisdiction", "url", "type",
             "based_on", "fact", "supersedes", "milestone_date", "value", "lane", "order", "themes", "order"}
# reader-facing cells under a kept key's name, translated like prose (the investors' figure values and peer names)
SHOWN = re.compile(r"(market_figures\[\d+\]\.value|peers\[\d+\]\.jurisdiction)$")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
problems = []
def walk(en, zh, path):
    if isinstance(en, dict):
        if not isinstance(zh, dict): problems.append(f"{path}: a table in English, {type(zh).__name__} here"); return
        for k in en:
            if k not in zh: problems.append(f"{path}.{k}: missing")
            else: walk(en[k], zh[k], f"{path}.{k}")
        for k in zh:
            if k not in en: problems.append(f"{path}.{k}: not in the English file")
    elif isinstance(en, list):
        if not isinstance(zh, list) or len(zh) != len(en): problems.append(f"{path}: {len(en)} items in English, {len(zh) if isinstance(zh, list) else zh!r} here"); return
        for i, (a, b) in enumerate(zip(en, zh)): walk(a, b, f"{path}[{i}]")
    elif isinstance(en, str):
        key = path.rsplit(".", 1)[-1].split("[")[0]
        if key in KEEP_KEYS and not SHOWN.search(path):
            if zh != en: problems.append(f"{path}: must stay {en!r}, is {zh!r}")
        elif len(en) >= PROSE_MIN and " " in en and not CJK.search(str(zh)):
            problems.append(f"{path}: not translated: {str(zh)[:60]!r}")
        elif zh == "" and en != "": problems.append(f"{path}: empty")
    else:
        if zh != en: problems.append(f"{path}: must stay {en!r}, is {zh!r}")
args = [a for a in sys.argv[1:] if not a.startswith("--")]
en = tomllib.load(open(args[0], "rb")); zh = tomllib.load(open(args[1], "rb"))
if "--section" in sys.argv:
    for part in sys.argv[sys.argv.index("--section") + 1].split("."): en = en[part]
    for part in sys.argv[sys.argv.index("--section") + 1].split("."): zh = zh[part]
walk(en, zh, "")
for p in problems[:60]: print(p)
print("OK" if not problems else f"{len(problems)} problems")
