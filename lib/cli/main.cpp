#include <csignal>
#include <iostream>

#include "commands.hpp"
#include "interrupt.hpp"
#include "output.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/version.hpp"

int main(int argc, char** argv) {
    // Interrupts end gancert at once, after removing the run's temporary files (interrupt.hpp;
    // certify and atlas stop gracefully on the first). A non-interactive shell starts background
    // commands with SIGINT ignored, which made a long `gancert eval … &` deaf to kill -INT:
    // SIGINT is handled even then.
    gancert::cli::end_on_signal();
    // A closed pipe (`gancert … | head -c1`) is a write error, not a death by SIGPIPE: writes
    // then fail with EPIPE, which the checked output reports (exit 1, message on stderr).
    std::signal(SIGPIPE, SIG_IGN);
    CLI::App app{"gancert — certified numerics for the R/S/E/E least-squares GAN"};
    app.set_version_flag("--version", std::string("gancert ") + gancert::version);
    app.require_subcommand(1);
    gancert::cli::action run;
    gancert::cli::register_eval(app, run);
    gancert::cli::register_trajectory(app, run);
    gancert::cli::register_reference(app, run);
    gancert::cli::register_compare(app, run);
    gancert::cli::register_counterexample(app, run);
    gancert::cli::register_certify(app, run);
    gancert::cli::register_verify(app, run);
    gancert::cli::register_surface(app, run);
    gancert::cli::register_atlas(app, run);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : gancert::cli::exit_bad_input;
    }
    int rc = gancert::cli::exit_failure;
    try {
        rc = run ? run() : gancert::cli::exit_failure;
    } catch (const gancert::arith::bad_parameter& e) {
        rc = gancert::cli::exit_bad_input;
        std::cerr << "gancert: bad input: " << gancert::cli::option_name(e.parameter()) << ": " << e.message() << '\n';
    } catch (const gancert::arith::bad_input& e) {
        rc = gancert::cli::exit_bad_input;
        std::cerr << "gancert: bad input: " << e.what() << '\n';
    } catch (const gancert::arith::soundness_error& e) {
        rc = gancert::cli::exit_failure;
        std::cerr << "gancert: soundness failure (please report): " << e.what() << '\n';
    } catch (const gancert::cli::stopped_by_budget& e) {
        rc = gancert::cli::exit_failure;
        std::cerr << "gancert: " << e.what() << '\n';
    } catch (const gancert::cli::write_error& e) {
        rc = gancert::cli::exit_failure;
        std::cerr << "gancert: write error: " << e.what() << '\n';
    } catch (const std::exception& e) {
        rc = gancert::cli::exit_failure;
        std::cerr << "gancert: internal failure: " << e.what() << '\n';
    }
    // Standard output may be a file on a full disk: success only if everything reached it.
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "gancert: write error: writing to standard output failed\n";
        return rc == gancert::cli::exit_ok ? gancert::cli::exit_failure : rc;
    }
    return rc;
}
