#!/usr/bin/env bash
# Regenerates the certified-numbers table of proofs/optimal-discriminator.md from the command's
# JSON output. Usage: proofs/counterexample-table.sh PATH_TO_GANCERT_BINARY [DIGITS]
set -euo pipefail
gancert=${1:?usage: counterexample-table.sh PATH_TO_GANCERT_BINARY [DIGITS]}
digits=${2:-20}
"$gancert" counterexample --digits "$digits" --json | /usr/bin/python3 -c '
import json, sys
j = json.load(sys.stdin)
d = j["input"]["digits"]
print("Command: `gancert counterexample --digits %d --json` (c1 = %s, c2 = %s, c = %s)\n" % (d, j["input"]["c1"], j["input"]["c2"], j["input"]["c"]))
print("| generator (theta; eta) | k | M(k^2) | J(D_k, G) | V(D_k, G) |")
print("|---|---|---|---|---|")
for g in j["dim_z_lt_dim_x"]["generators"]:
    name = "%s (%s, %s; %s, %s)" % (g["name"], g["theta"][0], g["theta"][1], g["eta"][0], g["eta"][1])
    for r in g["rows"]:
        f = lambda x: "[%s, %s]" % (x["lo"], x["hi"])
        print("| %s | %s | %s | %s | %s |" % (name, r["k"], f(r["M_k2"]), f(r["J"]), f(r["V"])))
print("\nVerdict (dim z = 1 < dim x = 2): **%s**\n" % j["dim_z_lt_dim_x"]["verdict"])
print("| generator (theta; eta) | TV | C_LS = 1 + TV | C_log = -log 4 + 2 JSD |")
print("|---|---|---|---|")
for g in j["dim_z_eq_dim_x"]["generators"]:
    tv = g["TV"]; cl = g["C_LS"]; cg = g["C_log"]
    fmt = lambda x: x["lo"] if x["lo"] == x["hi"] else "[%s, %s]" % (x["lo"], x["hi"])
    print("| %s (%s; %s) | %s | %s | %s |" % (g["name"], g["theta"], g["eta"], fmt(tv), fmt(cl), fmt(cg)))
print("\nVerdict (dim z = dim x = 1): **%s**" % j["dim_z_eq_dim_x"]["verdict"])
'
