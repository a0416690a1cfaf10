// `gancert verify` — independent re-check of a certificate (issue 5).
#include <iostream>

#include "commands.hpp"
#include "gancert/certify/verify.hpp"

namespace gancert::cli {

void register_verify(CLI::App& app, action& run) {
    struct Args {
        std::string path;
        unsigned bits = 0, threads = 0;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("verify", "Re-check a certificate independently");
    cmd->add_option("certificate", args->path, "Certificate file")->required();
    cmd->add_option("--bits", args->bits, "Re-evaluate at this precision at least (bits)");
    cmd->add_option("--threads", args->threads, "Worker threads (default: all cores)");
    cmd->callback([&run, args] {
        run = [args] {
            certify::VerifyOptions opt{args->bits, args->threads};
            auto rep = certify::verify_certificate(args->path, opt);
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
            std::cout << "valid: " << rep.verdict << '\n';
            return exit_ok;
        };
    });
}

}  // namespace gancert::cli
