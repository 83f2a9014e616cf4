"""Writes the hand-written held-out set for the per-sentence grounding check (#13 round 14):
assets/grounding_heldout_hand.json. Written and committed before any rule of round 14 was run on it.

    python scripts/make_grounding_heldout_hand.py               # retrieves the contexts, then writes
    python scripts/make_grounding_heldout_hand.py --contexts F  # reuses contexts saved by an earlier run
    python scripts/make_grounding_heldout_hand.py --tuning      # the tuning variant: assets/grounding_tuning_hand.json

A different procedure from the two earlier sets (assets/grounding_tuning.json: the bundled model's own
sentences, hand-labelled; assets/grounding_heldout.json: systematic edits by a script, no question):
twelve questions that each name one document, over a collection of eleven documents of the held-out
corpora that share vocabulary (gzip, zip, the zlib FAQ, curl, wget, dd, du, sort, grep, libjpeg-turbo,
krb5 release notes). Each question is checked against four passages: the two best of the whole
collection that come from the named document, and the two best of the other documents (the question
searched with the named document left out) - the shape of the MIT/Apache case seen in the browser,
where a second document's passage is retrieved beside the named one. Sentences were then written by
hand, in the style of the bundled model's answers, after reading the passages and before any round-14
check existed; labels are the writer's: supported = a reader of the passages would agree that it says
what the passages say about the question's subject. Kinds:

  supported:   quote, paraphrase (incl. verbatim words in quotation marks)
  unsupported: wrong_document (a fact of the other document told as the named one's, or as the answer
               without a subject), name_swap (an option, name or role swapped), negation, splice (two
               clauses joined at a clause boundary into a false claim), quote_case (words in quotation
               marks whose case differs from the passage), number
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "grounding_heldout_hand.json"
A = ROOT / "assets"
FILES = [A / "rag_corpus_heldout/gzip.1.txt", A / "rag_corpus_heldout4/zip.1.txt", A / "rag_corpus_heldout6/zlib_faq.txt",
         A / "rag_corpus_heldout2/curl.1.txt", A / "rag_corpus_heldout4/wget.1.txt", A / "rag_corpus_heldout2/dd.1.txt",
         A / "rag_corpus_heldout2/du.1.txt", A / "rag_corpus_heldout2/sort.1.txt", A / "rag_corpus_heldout/grep.1.txt",
         A / "rag_corpus_heldout6/libjpeg_turbo.md", A / "rag_corpus_heldout6/krb5_release_notes.txt"]
QUESTIONS = [  # (question, the document it names)
    ("What does gzip do with the original file?", "gzip.1.txt"),
    ("What compression level does gzip use by default?", "gzip.1.txt"),
    ("Can zip encrypt files?", "zip.1.txt"),
    ("How does wget retry a failed download?", "wget.1.txt"),
    ("How do I limit the download speed in curl?", "curl.1.txt"),
    ("How does dd report progress?", "dd.1.txt"),
    ("How does sort compare numbers?", "sort.1.txt"),
    ("How does grep treat binary files?", "grep.1.txt"),
    ("What does the zlib FAQ say about gzip files?", "zlib_faq.txt"),
    ("How do I make du print sizes in human-readable form?", "du.1.txt"),
    ("How does krb5 handle weak encryption types?", "krb5_release_notes.txt"),
    ("Is libjpeg-turbo thread-safe?", "libjpeg_turbo.md"),
]
T, F = True, False
SENTENCES = {  # context -> [(kind, label, sentence)]
    0: [("quote", T, "By default, gzip keeps the original file name and timestamp in the compressed file."),
        ("paraphrase", T, "gzip stores the original name and timestamp in the compressed file and uses them when "
                          "you decompress with the -N option."),
        ("paraphrase", T, "Compressed files can be restored to their original form with gzip -d, gunzip or zcat."),
        ("paraphrase", T, 'The manual says gzip "keeps the original file name and timestamp" in the compressed file.'),
        ("wrong_document", F, "gzip uses a much more compact header and trailer and a faster integrity check."),
        ("name_swap", F, "By default, gzip keeps the original file name and timestamp, which are used when "
                         "decompressing the file with the -d option."),
        ("negation", F, "By default, gzip does not keep the original file name and timestamp in the compressed file."),
        ("quote_case", F, 'The manual says gzip keeps "The Original File Name And Timestamp" in the compressed file.'),
        ("splice", F, "If the compressed file name is too long for its file system, gzip keeps the original file "
                      "name and timestamp in the compressed file.")],
    1: [("paraphrase", T, "The default compression level is -6, biased towards high compression at the expense of speed."),
        ("paraphrase", T, "-1 or --fast gives the fastest compression and -9 or --best the best compression; "
                          "the default is -6."),
        ("wrong_document", F, "By default, gzip uses the deflate compression method."),
        ("wrong_document", F, "The default compression level is zero, which stores entries with no compression."),
        ("name_swap", F, "-1 or --best indicates the slowest compression method (best compression)."),
        ("name_swap", F, "-9 or --fast indicates the fastest compression method, and -1 or --best the slowest."),
        ("negation", F, "Compression is not always performed: gzip skips a file when the compressed file would be "
                        "larger than the original."),
        ("splice", F, "The default compression level is -6, that is, the fastest compression method (less compression).")],
    2: [("paraphrase", T, "Yes: zip -e encrypts the contents of the archive with a password entered on the terminal."),
        ("paraphrase", T, "With the -e or --encrypt option, zip asks for a password at a prompt, and the password is "
                          "not echoed."),
        ("paraphrase", T, 'The password prompt is repeated "to save the user from typing errors."'),
        ("wrong_document", F, "No, zip doesn't support encryption."),
        ("wrong_document", F, "To get strong encryption, zip uses GnuPG."),
        ("name_swap", F, "Yes: zip -z encrypts the contents of the archive using a password entered on the terminal."),
        ("negation", F, "The password prompt is not repeated."),
        ("quote_case", F, 'zip will "Exit With An Error" if standard error is not a tty.')],
    3: [("paraphrase", T, "wget retries 20 times by default; set the number with -t or --tries, where 0 or inf means "
                          "infinite retrying."),
        ("quote", T, 'Fatal errors like "connection refused" or "not found" (404) are not retried.'),
        ("paraphrase", T, "With --retry-on-http-error you can list HTTP codes such as 503 and 429 that wget should "
                          "treat as transient errors and retry."),
        ("wrong_document", F, "wget complies with the Retry-After: response header to know when to issue the next retry."),
        ("wrong_document", F, "If --retry is provided several times, wget uses the last set value."),
        ("name_swap", F, "Use -T number to set the number of tries; 0 or inf means infinite retrying."),
        ("negation", F, 'Fatal errors like "connection refused" or "not found" (404) are retried.'),
        ("quote_case", F, 'Errors like "Connection Refused" or "Not Found" (404) are not retried.')],
    4: [("paraphrase", T, "Use --limit-rate <speed> to set the maximum transfer rate curl uses for downloads and uploads."),
        ("paraphrase", T, "The speed is in bytes per second unless you append a suffix such as k, M or G, and the "
                          "suffixes are 1024 based."),
        ("quote", T, "Examples: 200K, 3m and 1G."),
        ("wrong_document", F, "For example, --limit-rate=20k will limit the retrieval rate to 20KB/s."),
        ("wrong_document", F, "curl allows decimal numbers for the rate, for example --limit-rate=2.5k."),
        ("name_swap", F, "Use -Y, --speed-limit to set the maximum transfer rate curl uses for downloads and uploads."),
        ("negation", F, "The --limit-rate option does not apply to uploads."),
        ("splice", F, "If a transfer runs slower than speed-limit bytes per second, curl makes it slower than it "
                      "otherwise would be.")],
    5: [("wrong_document", F, "dd displays a progress indicator in verbose mode."),
        ("wrong_document", F, "Use -dd or --display-dots to display dots while dd copies; the default is a dot every 10 MB."),
        ("paraphrase", T, "dd was written by Paul Rubin, David MacKenzie, and Stuart Kemp."),
        ("name_swap", F, "dd was written by Paul Rubin, David MacKenzie, and Mark Adler."),
        ("paraphrase", T, "Full documentation of dd is available locally via info '(coreutils) dd invocation'.")],
    6: [("paraphrase", T, "sort -g, --general-numeric-sort compares according to general numerical value."),
        ("paraphrase", T, "With -h, --human-numeric-sort, sort compares human readable numbers such as 2K and 1G."),
        ("name_swap", F, "sort -h compares according to general numerical value, and -g compares human readable "
                         "numbers such as 2K."),
        ("wrong_document", F, "sort excludes entries smaller than SIZE if the threshold is positive."),
        ("name_swap", F, "With -n, --human-numeric-sort, sort compares human readable numbers (e.g., 2K 1G).")],
    7: [("paraphrase", T, "By default grep treats such a file as binary, suppresses output after null input binary "
                          "data is discovered, and prints a message to standard error saying that a binary file matches."),
        ("paraphrase", T, "With --binary-files=text, grep processes a binary file as if it were text, which is the same "
                          "as the -a option."),
        ("paraphrase", T, "If TYPE is without-match, grep assumes that the rest of the file does not match, like the "
                          "-I option."),
        ("name_swap", F, "With --binary-files=text, grep processes a binary file as if it were text, which is the same "
                         "as the -I option."),
        ("splice", F, "If TYPE is text, grep assumes that the rest of the file does not match; this is equivalent to "
                      "the -a option."),
        ("wrong_document", F, "grep issues a warning and skips line end conversion when it detects binary in the first "
                              "buffer read from a file."),
        ("negation", F, "By default, grep does not suppress output after null input binary data is discovered."),
        ("quote_case", F, 'grep prints a message saying that "A Binary File Matches".')],
    8: [("paraphrase", T, "The zlib FAQ says the zlib and gzip formats use the same compressed data format internally "
                          "but have different headers and trailers."),
        ("paraphrase", T, "Data from compress or deflate is in the zlib format, which is incompatible with the gzip "
                          "format, while zlib's gz* functions use the gzip format."),
        ("wrong_document", F, "The zlib FAQ says gunzip can decompress files created by gzip, zip, compress, "
                              "compress -H or pack."),
        ("wrong_document", F, "According to the FAQ, gunzip checks a 32 bit CRC when it decompresses gzip files."),
        ("name_swap", F, "The gzip format was designed for in-memory and communication channel applications, and has "
                         "a much more compact header and trailer than zlib."),
        ("negation", F, "The zlib and gzip formats do not use the same compressed data format internally.")],
    9: [("paraphrase", T, "Use du -h (--human-readable) to print sizes like 1K, 234M or 2G."),
        ("paraphrase", T, "du -B, --block-size=SIZE scales sizes by SIZE before printing them, so -BM prints sizes in "
                          "units of 1,048,576 bytes."),
        ("wrong_document", F, "du -h compares human readable numbers such as 2K and 1G."),
        ("name_swap", F, "Use du -H (--human-readable) to print sizes like 1K, 234M or 2G."),
        ("wrong_document", F, "Use --display-usize to display the uncompressed size of each entry.")],
    10: [("paraphrase", T, "Beginning with krb5-1.19, a warning is issued if initial credentials are acquired using "
                           "the des3-cbc-sha1 encryption type."),
         ("paraphrase", T, "Single-DES encryption types were removed in krb5-1.18, and des3-cbc-sha1 will be disabled by "
                           "default in future releases and eventually removed."),
         ("number", F, "Single-DES encryption types were removed in krb5-1.19."),
         ("negation", F, "In future releases, des3-cbc-sha1 will not be disabled by default."),
         ("wrong_document", F, "krb5 doesn't support encryption; to get strong encryption, use GnuPG."),
         ("name_swap", F, "Beginning with krb5-1.19, a warning is issued if initial credentials are acquired using "
                          "the aes256-cts encryption type.")],
    11: [("wrong_document", F, "Yes, libjpeg-turbo is thread-safe, but any application-provided memory allocation "
                               "routines must also be thread-safe."),
         ("wrong_document", F, "You should only operate on any given stream from a single thread at a time."),
         ("paraphrase", T, "libjpeg-turbo is covered by three compatible BSD-style open source licenses."),
         ("paraphrase", T, "libjpeg-turbo includes two APIs that can be used to compress and decompress JPEG images."),
         ("name_swap", F, "libjpeg-turbo was originally based on libjpeg/SIMD, developed by the TigerVNC project."),
         ("quote_case", F, 'libjpeg-turbo is covered by three compatible "BSD-Style Open Source" licenses.')],
}


# --tuning: the same procedure on the sample corpus (a tuning corpus), written after the held-out set was
# committed, to tune round 14's rules on; assets/grounding_tuning_hand.json
TUNING_OUT = ROOT / "assets" / "grounding_tuning_hand.json"
TUNING_FILES = sorted(p for p in (A / "rag_corpus").iterdir() if p.is_file())
TUNING_QUESTIONS = [
    ("What does the MIT license disclaim?", "mit_license.txt"),
    ("What does the BSD license forbid?", "bsd_3_clause_license.txt"),
    ("What does the Apache license say about patents?", "apache_license_2.0.txt"),
    ("What does the ISC license permit?", "isc_license.txt"),
    ("How long is a Senator's term under the Constitution?", "us_constitution_excerpts.md"),
    ("What does the Zen of Python say about errors?", "zen_of_python.txt"),
]
TUNING_SENTENCES = {
    0: [("paraphrase", T, "The MIT license provides the software without warranty of any kind, express or implied."),
        ("paraphrase", T, 'The MIT license says the software is provided "as is", without warranty of any kind.'),
        ("quote", T, 'It says THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.'),
        ("paraphrase", T, "The authors or copyright holders are not liable for any claim, damages or other liability."),
        ("quote_case", F, 'The MIT license says the software is provided "As Is", without warranty of any kind.'),
        ("wrong_document", F, "The MIT license says the implied warranties of merchantability and fitness for a "
                              "particular purpose are disclaimed, and the software is provided by the copyright holders "
                              "and contributors."),
        ("wrong_document", F, "The names of the contributors may not be used to endorse or promote products derived "
                              "from this software without specific prior written permission."),
        ("negation", F, "The MIT license does not require the copyright notice to be included in all copies.")],
    1: [("paraphrase", T, "The BSD license forbids using the name of the copyright holder or its contributors to "
                          "endorse or promote derived products without specific prior written permission."),
        ("paraphrase", T, "Redistributions of source code must retain the copyright notice, this list of conditions "
                          "and the disclaimer."),
        ("wrong_document", F, "The BSD license does not grant permission to use the trade names, trademarks, service "
                              "marks, or product names of the Licensor."),
        ("wrong_document", F, "It forbids instituting patent litigation against any entity alleging that the Work "
                              "constitutes patent infringement."),
        ("negation", F, "Redistributions in binary form need not reproduce the copyright notice."),
        ("quote_case", F, 'The BSD license forbids using "The Name Of The Copyright Holder" to promote products.')],
    2: [("paraphrase", T, "Each Contributor grants you a perpetual, worldwide, royalty-free patent license to make, use "
                          "and sell the Work."),
        ("paraphrase", T, "If you institute patent litigation alleging that the Work infringes a patent, the patent "
                          "licenses granted to you under this License terminate as of the date the litigation is filed."),
        ("wrong_document", F, "The Apache license says the software is provided without warranty of any kind and the "
                              "authors are not liable for any claim."),
        ("name_swap", F, "Each Licensor grants the Contributor a perpetual, worldwide patent license to make and use the Work."),
        ("splice", F, "If You institute patent litigation against any entity, each Contributor hereby grants to You a "
                      "perpetual, worldwide, non-exclusive, no-charge, royalty-free patent license.")],
    3: [("paraphrase", T, "The ISC license permits you to use, copy, modify, and/or distribute the software for any "
                          "purpose, with or without fee."),
        ("paraphrase", T, "The copyright notice and this permission notice must appear in all copies."),
        ("wrong_document", F, "The ISC license permits you to merge, publish, sublicense, and/or sell copies of the "
                              "Software."),
        ("wrong_document", F, "Contributions you submit for inclusion in the Work are under the terms and conditions "
                              "of this License."),
        ("quote_case", F, 'The ISC license says the software is provided "As Is" and the author disclaims all warranties.')],
    4: [("paraphrase", T, "The President holds his Office during the Term of four Years."),
        ("paraphrase", T, "The House of Representatives is composed of Members chosen every second Year."),
        ("wrong_document", F, "The term ends as of the date such litigation is filed."),
        ("name_swap", F, "The executive Power shall be vested in a Senate of the United States of America."),
        ("name_swap", F, "The judicial Power of the United States is vested in the Congress.")],
    5: [("quote", T, "Errors should never pass silently."),
        ("paraphrase", T, "The Zen of Python says errors should never pass silently, unless explicitly silenced."),
        ("negation", F, "The Zen of Python says errors should pass silently."),
        ("wrong_document", F, "The Zen of Python says an unsafe answer is cut off as soon as it turns."),
        ("wrong_document", F, "If a PDF upload reports that it contains no text, the Zen of Python says the file is "
                              "probably a scanned image."),
        ("name_swap", F, "The Zen of Python, by Guido van Rossum, says errors should never pass silently.")],
}


def contexts(files=None, questions=None) -> list[dict]:
    import os
    import tempfile

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ["GENAI_DATA_DIR"] = tempfile.mkdtemp(prefix="grounding-hand-")
    sys.path.insert(0, str(ROOT))
    from core.retrieval.collection import open_collection
    from core.retrieval.hybrid import search

    files, questions = files or FILES, questions or QUESTIONS
    col = open_collection("grounding_hand")
    assert col.ingest(files).ok
    names = [f.name for f in files]
    out = []
    for question, named in questions:
        top = [h for h in search(col, question, k=2, mode="hybrid") if h.source == named][:2]
        rest = search(col, question, k=2, mode="hybrid", sources=[n for n in names if n != named])
        out.append({"set": "hand", "question": question, "named": named,
                    "passages": [{"n": i + 1, "id": h.id, "source": h.source, "page": h.page, "text": h.text}
                                 for i, h in enumerate(top + rest)]})
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--contexts", type=Path, help="contexts saved by an earlier run (skips retrieval)")
    p.add_argument("--out", type=Path)
    p.add_argument("--tuning", action="store_true", help="the tuning variant over the sample corpus")
    args = p.parse_args()
    files, questions, sentences, name = (TUNING_FILES, TUNING_QUESTIONS, TUNING_SENTENCES, "hand (sample corpus)") \
        if args.tuning else (FILES, QUESTIONS, SENTENCES, "hand")
    args.out = args.out or (TUNING_OUT if args.tuning else OUT)
    ctx = json.loads(args.contexts.read_text()) if args.contexts else contexts(files, questions)
    for c, (question, named) in zip(ctx, questions, strict=True):
        assert c["question"] == question
        c["set"] = name
        c.setdefault("named", named)
    items = [{"set": name, "context": cid, "kind": kind, "sentence": s, "supported": label}
             for cid, rows in sentences.items() for kind, label, s in rows]
    procedure = __doc__.split("\n\n", 2)[2].strip()
    args.out.write_text(json.dumps({"procedure": procedure, "contexts": ctx, "items": items}, indent=1) + "\n")
    print(f"{len(items)} sentences ({sum(i['supported'] for i in items)} supported), {len(ctx)} contexts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
