#include <iostream>

#include "commands.hpp"
#include "gancert/arith/decimal.hpp"

int main(int argc, char** argv) {
    CLI::App app{"gancert — certified numerics for the R/S/E/E least-squares GAN"};
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
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : gancert::cli::exit_bad_input;
    }
    try {
        return run ? run() : gancert::cli::exit_failure;
    } catch (const gancert::arith::bad_input& e) {
        std::cerr << "gancert: bad input: " << e.what() << '\n';
        return gancert::cli::exit_bad_input;
    } catch (const gancert::arith::soundness_error& e) {
        std::cerr << "gancert: soundness failure (please report): " << e.what() << '\n';
        return gancert::cli::exit_failure;
    } catch (const std::exception& e) {
        std::cerr << "gancert: internal failure: " << e.what() << '\n';
        return gancert::cli::exit_failure;
    }
}
