// `gancert verify` — independent re-check of a certificate (issue 5).
#include <iostream>

#include "commands.hpp"
#include "gancert/api/certify.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/certify/verify.hpp"

namespace gancert::cli {

void register_verify(CLI::App& app, action& run) {
    struct Args {
        std::string path;
        unsigned bits = 0, threads = 0;
        bool independent = false;
        std::string time_limit;  // empty: api::default_time_limit
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("verify", "Re-check a certificate independently");
    // required, checked when run (CLI11 would report a missing positional before an unknown option)
    cmd->add_option("certificate", args->path, "Certificate file (required)");
    cmd->add_option("--bits", args->bits, "Re-evaluate at this precision at least (bits, at most " + std::to_string(limits::max_precision_bits) + ")");
    cmd->add_option("--time-limit", args->time_limit,
                    "Stop re-checking after SECONDS (default " + std::to_string(static_cast<int>(api::default_time_limit)) +
                        "): a certificate not re-checked in time is not verified (exit 1)");
    cmd->add_option("--threads", args->threads, "Worker threads (0 = all cores, at most " + std::to_string(limits::max_threads) + "; default all cores)");
    cmd->add_flag("--independent", args->independent,
                  "Re-derive each leaf by a route independent of the prover's evaluation code where one exists "
                  "(docs/verification.md); reports the leaves per kind and route");
    cmd->callback([&run, args] {
        run = [args] {
            if (args->path.empty()) throw arith::bad_input("certificate: required (gancert verify CERTIFICATE)");
            certify::VerifyOptions opt{args->bits, args->threads, args->independent,
                                       args->time_limit.empty() ? api::default_time_limit
                                                                : positive_seconds(args->time_limit, "--time-limit")};
            auto rep = certify::verify_certificate(args->path, opt);
            for (const auto& [kind, n] : rep.routes)
                std::cout << "route: " << kind << ": " << n.independent << " re-derived independently, " << n.shared
                          << " by the shared route" << (n.no_claim ? ", " + std::to_string(n.no_claim) + " prove nothing" : "")
                          << '\n';
            if (rep.exit_code == 2) {
                std::cerr << "gancert: bad input: " << rep.failures.front() << '\n';
                return exit_bad_input;
            }
            if (rep.exit_code != 0) {
                std::cout << "INVALID: " << rep.failures.size() << (rep.failures.size() >= 20 ? "+" : "")
                          << " failed check(s)\n";
                for (const auto& f : rep.failures) std::cout << "  " << f << '\n';
                return exit_failure;
            }
            // Exit 0 only for a valid certificate of a proved claim; a valid certificate of a
            // refuted or incomplete claim is reported as such with exit 1.
            std::cout << "valid: " << rep.verdict << '\n';
            if (rep.status != "proved") {
                std::cout << "(a valid certificate, but the claim is " << rep.status << ", not proved)\n";
                return exit_failure;
            }
            return exit_ok;
        };
    });
}

}  // namespace gancert::cli
