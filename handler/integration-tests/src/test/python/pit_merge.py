"""Joins PIT's mutations.xml reports of the same classes, run from different modules' tests.

The first report (the handler module's run, over every class) lists the mutants; the others (runs from the
integration-tests suites, whole or in parts) only add detections. A mutant (class, method, descriptor, line, mutator,
index) counts as detected when any report has it KILLED or TIMED_OUT; a mutant only a later report has (from code
changed since) is not counted. Prints the detected share per package of dev.sqlscore and over all, as Markdown:
    python3 pit_merge.py handler/target/pit-reports/mutations.xml \
        handler/integration-tests/target/pit-reports/mutations.xml [more reports]
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
    for index, path in enumerate(paths):
        for key, state in mutants(path):
            if index == 0 and key not in status or (key in status and state in DETECTED):
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
