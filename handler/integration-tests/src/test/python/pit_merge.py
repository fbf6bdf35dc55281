"""Joins PIT's mutations.xml reports of the same classes, run from different modules' tests.

A mutant (class, method, descriptor, line, mutator, index) counts as detected when any report has it KILLED or
TIMED_OUT. Prints the detected share per package of dev.sqlscore and over all, as a Markdown table:
    python3 pit_merge.py handler/target/pit-reports/mutations.xml \
        handler/integration-tests/target/pit-reports/mutations.xml
"""
import collections
import sys
import xml.etree.ElementTree as ElementTree

DETECTED = {"KILLED", "TIMED_OUT"}


def mutants(path):
    for mutation in ElementTree.parse(path).getroot():
        key = tuple(mutation.findtext(field) or "" for field in
                    ("mutatedClass", "mutatedMethod", "methodDescription", "lineNumber", "mutator", "indexes"))
        yield key, mutation.get("status")


def main(paths):
    status = {}
    for path in paths:
        for key, state in mutants(path):
            previous = status.get(key)
            if previous is None or (previous not in DETECTED and state in DETECTED):
                status[key] = state
    by_package = collections.defaultdict(lambda: [0, 0])
    for key, state in status.items():
        package = key[0].split(".")[2] if key[0].startswith("dev.sqlscore.") else key[0].rsplit(".", 1)[0]
        by_package[package][0] += 1
        by_package[package][1] += state in DETECTED
    print("| package | mutants | detected |")
    print("|---|---|---|")
    for package in sorted(by_package):
        total, detected = by_package[package]
        print(f"| `{package}` | {total:,} | {detected:,} ({100 * detected / total:.0f}%) |")
    total = sum(t for t, _ in by_package.values())
    detected = sum(d for _, d in by_package.values())
    print(f"| **all** | {total:,} | **{detected:,} ({100 * detected / total:.0f}%)** |")


if __name__ == "__main__":
    main(sys.argv[1:])
