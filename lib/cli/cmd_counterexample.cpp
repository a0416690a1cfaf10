// `gancert counterexample` — the optimal-discriminator check (issue 6, proofs/optimal-discriminator.md, proofs/lemmas.md §X).
// Prints per case the claim, the certified numbers and the verdict; exit 0 iff the verdicts are
// the expected ones (REFUTED for dim z < dim x, CONSISTENT for dim z = dim x), 1 otherwise,
// 2 on bad input.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/counterexample/check.hpp"

namespace gancert::cli {
namespace {
using arith::impfr;
using counterexample::Report;

struct Options {
    std::string c1 = "0.5", c2 = "2", c = "0.5", digits = "30";
    bool json = false;
};

unsigned parse_digits(const std::string& s) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos)
        throw arith::bad_input("--digits: must be an integer in 1.." + std::to_string(limits::max_counterexample_digits) +
                               " (got '" + s + "')");
    const unsigned long v = std::stoul(s);
    if (v == 0 || v > limits::max_counterexample_digits)
        throw arith::bad_input("--digits: must be in 1.." + std::to_string(limits::max_counterexample_digits) + " (got " + s + ")");
    return static_cast<unsigned>(v);
}

/// Outward decimal bounds with digits+3 significant digits (keeps the printed width within 10^-digits).
std::pair<std::string, std::string> bounds(const impfr& x, unsigned digits) {
    return {arith::to_decimal(x.lower(), digits + 3, MPFR_RNDD), arith::to_decimal(x.upper(), digits + 3, MPFR_RNDU)};
}
std::string text(const impfr& x, unsigned digits) {
    if (x.lower() == x.upper()) return arith::to_decimal(x.lower(), digits + 3, MPFR_RNDN);
    auto [lo, hi] = bounds(x, digits);
    return "[" + lo + ", " + hi + "]";
}
nlohmann::json js(const impfr& x, unsigned digits) {
    auto [lo, hi] = bounds(x, digits);
    return {{"lo", lo}, {"hi", hi}};
}

const char* claim_2d =
    "For a fixed generator G the optimal discriminator is D*_G = p_d/(p_d+p_g), and C(G) = sup_D V(G,D) "
    "is globally minimised, with value -log 4 (LS cost: 1), iff p_g = p_data (Goodfellow et al. 2014, Prop. 1, Thm. 1).";
const char* reason_2d =
    "sup_D of the cost is its absolute maximum (V -> 0, J -> 2 along D_k, k-uniform bounds) for EVERY generator of "
    "the family, so C(G) is constant; P_g lives on a Lebesgue-null ray (no density p_g), so the minimiser condition "
    "p_g = p_data is unattainable (even with both marginals matched) and D*_G = p_d/(p_d+p_g) is undefined.";
const char* claim_1d =
    "With dim z = dim x = 1, C_log(G) = -log 4 + 2 JSD(P_d,P_g) and C_LS(G) = 1 + TV(P_d,P_g) are minimised "
    "(values -log 4 and 1) iff p_g = p_data, i.e. iff g = 1/c, h = 0.";
const char* reason_1d =
    "P_g has the density (1/g) e^{-(x-h)/g} on [h, inf); at G* = (1/c, 0) it equals p_data, giving exactly -log 4 and 1, "
    "and every other tested G has certified TV > 0, hence C_LS(G) > 1 and C_log(G) = -log 4 + 2 JSD >= -log 4 + TV^2 > -log 4.";

void print_text(const Report& r) {
    const unsigned d = r.input.digits;
    std::ostringstream o;
    o << "gancert counterexample: the optimal-discriminator claim, certified (proofs/optimal-discriminator.md)\n"
      << "input      c1 = " << r.input.c1 << ", c2 = " << r.input.c2 << ", c = " << r.input.c << "; digits = " << d
      << " (every enclosure [lo, hi] below has hi - lo <= 1e-" << d << " * min|x|)\n"
      << "convention M(s) = E exp(-s L^2) with s = k^2;  J(D_k,G) = 2 - 2 M(k^2) + M(2 k^2);  "
         "V(D_k,G) = E log(1 - exp(-k^2 L^2));\n"
      << "           D_k(x) = 1 - exp(-k^2 l(x)^2), l = kappa*(g2 (x1-h1) - g1 (x2-h2)), kappa = 2 c1 c2/(c1 g1 + c2 g2);"
         " L = l(X), f_max = 1/2\n\n";
    o << "== CASE 1: dim z = 1 < dim x = 2 (X_i ~ Exp(c_i) independent, G(z) = (g1 z^2 + h1, g2 z^2 + h2), Rayleigh z) ==\n"
      << "CLAIM      " << claim_2d << "\n";
    for (const auto& tc : r.two_dim) {
        o << "GENERATOR  " << tc.name << ": theta = (" << tc.theta1 << ", " << tc.theta2 << "), eta = (" << tc.eta1
          << ", " << tc.eta2 << ")  [g_i = theta_i/c_i, h_i = eta_i/c_i]"
          << (tc.matching ? "  -- both marginals of G(Z) equal the data marginals; L = c1 X1 - c2 X2 ~ Laplace(0,1)" : "")
          << "\n";
        if (!tc.matching)
          o << "           L = mu + Exp(lambda1) - Exp(lambda2): lambda1 = " << text(tc.law.lambda1, 12)
            << ", lambda2 = " << text(tc.law.lambda2, 12) << ", mu = " << text(tc.law.mu, 12) << "\n";
        for (const auto& row : tc.rows) {
            o << "  k=" << std::left << std::setw(8) << row.k << std::right << "M(k^2) = " << text(row.M_s, d) << "\n"
              << "            J      = " << text(row.J, d) << "   (proven J >= " << arith::to_decimal(row.J_bound.lower(), 9, MPFR_RNDD) << ")\n"
              << "            V      = " << text(row.V, d) << "   (proven V >= " << arith::to_decimal(row.V_bound.lower(), 9, MPFR_RNDD) << ")\n";
        }
    }
    o << "VERDICT    dim z = 1 < dim x = 2: " << counterexample::to_string(r.two_dim_verdict) << " -- " << reason_2d
      << "\n\n";
    o << "== CASE 2: dim z = dim x = 1 (R/S/E/E: X ~ Exp(c), G(z) = g z^2 + h) ==\n"
      << "CLAIM      " << claim_1d << "\n";
    for (const auto& oc : r.one_dim) {
        o << "GENERATOR  " << oc.name << ": theta = " << oc.theta << ", eta = " << oc.eta << "  [g = theta/c, h = eta/c]"
          << (oc.optimum ? "  -- law(G(Z)) = law(X)" : "") << "\n"
          << "           TV   = " << text(oc.tv, d) << "\n"
          << "           C_LS = 1 + TV = " << text(oc.c_ls, d) << "\n";
        if (oc.optimum)
            o << "           C_log = -log 4 = " << text(oc.c_log, d) << "\n";
        else
            o << "           JSD   = " << text(oc.jsd, d) << "\n"
              << "           C_log = -log 4 + 2 JSD = " << text(oc.c_log, d) << "\n"
              << "           CHECK TV^2/2 <= JSD <= TV log 2: JSD in " << text(oc.jsd_bracket, 6) << " (consistency)\n";
    }
    o << "VERDICT    dim z = dim x = 1: " << counterexample::to_string(r.one_dim_verdict) << " -- " << reason_1d << "\n\n";
    o << "CHECKS     " << r.passed.size() << " passed (both cases), " << r.failures.size() << " failed\n";
    for (const auto& f : r.failures) o << "FAILED     " << f << "\n";
    o << "RESULT     " << (counterexample::expected_verdicts(r) ? "expected verdicts (REFUTED, CONSISTENT)" : "UNEXPECTED verdicts")
      << "; max working precision " << r.max_bits << " bits; " << std::fixed << std::setprecision(2) << r.seconds << " s\n";
    std::cout << o.str();
}

void print_json(const Report& r) {
    const unsigned d = r.input.digits;
    nlohmann::json j;
    j["command"] = "counterexample";
    j["input"] = {{"c1", r.input.c1}, {"c2", r.input.c2}, {"c", r.input.c}, {"digits", d}};
    j["convention"] = "M(s) = E exp(-s L^2), s = k^2; J = 2 - 2 M(k^2) + M(2 k^2); V = E log(1 - exp(-k^2 L^2))";
    nlohmann::json gens = nlohmann::json::array();
    for (const auto& tc : r.two_dim) {
        nlohmann::json g{{"name", tc.name},
                         {"matching", tc.matching},
                         {"theta", {tc.theta1, tc.theta2}},
                         {"eta", {tc.eta1, tc.eta2}},
                         {"g1", js(tc.g1, d)}, {"g2", js(tc.g2, d)}, {"h1", js(tc.h1, d)}, {"h2", js(tc.h2, d)},
                         {"law", {{"lambda1", js(tc.law.lambda1, d)}, {"lambda2", js(tc.law.lambda2, d)}, {"mu", js(tc.law.mu, d)}}}};
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : tc.rows)
            rows.push_back({{"k", row.k}, {"M_k2", js(row.M_s, d)}, {"M_2k2", js(row.M_2s, d)}, {"J", js(row.J, d)},
                            {"V", js(row.V, d)}, {"J_lower_bound", js(row.J_bound, d)}, {"V_lower_bound", js(row.V_bound, d)},
                            {"precision_bits", row.bits}});
        g["rows"] = rows;
        gens.push_back(g);
    }
    j["dim_z_lt_dim_x"] = {{"claim", claim_2d}, {"generators", gens},
                           {"verdict", counterexample::to_string(r.two_dim_verdict)}, {"reason", reason_2d}};
    nlohmann::json ones = nlohmann::json::array();
    for (const auto& oc : r.one_dim)
        ones.push_back({{"name", oc.name}, {"optimum", oc.optimum}, {"theta", oc.theta}, {"eta", oc.eta},
                        {"g", js(oc.g, d)}, {"h", js(oc.h, d)}, {"TV", js(oc.tv, d)}, {"C_LS", js(oc.c_ls, d)},
                        {"C_log", js(oc.c_log, d)}, {"JSD", js(oc.jsd, d)}});
    j["dim_z_eq_dim_x"] = {{"claim", claim_1d}, {"generators", ones},
                           {"verdict", counterexample::to_string(r.one_dim_verdict)}, {"reason", reason_1d}};
    j["checks_passed"] = r.passed;
    j["checks_failed"] = r.failures;
    j["expected_verdicts"] = counterexample::expected_verdicts(r);
    j["max_precision_bits"] = r.max_bits;
    j["seconds"] = r.seconds;
    std::cout << j.dump(2) << "\n";
}

}  // namespace

void register_counterexample(CLI::App& app, action& run) {
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("counterexample",
                                   "Certify that the optimal-discriminator claim fails for dim z < dim x and holds for dim z = dim x");
    cmd->add_option("--c1", opts->c1, "data rate of X1 (exact decimal > 0, default 0.5)");
    cmd->add_option("--c2", opts->c2, "data rate of X2 (exact decimal > 0, default 2)");
    cmd->add_option("--c", opts->c, "data rate of the 1-D contrast (exact decimal > 0, default 0.5)");
    cmd->add_option("--digits", opts->digits, "relative width 1e-N of every enclosure (1.." + std::to_string(limits::max_counterexample_digits) + ", default 30)");
    cmd->add_flag("--json", opts->json, "machine-readable output");
    cmd->callback([opts, &run] {
        run = [opts] {
            counterexample::CheckInput in;
            in.c1 = opts->c1;
            in.c2 = opts->c2;
            in.c = opts->c;
            in.digits = parse_digits(opts->digits);
            const Report r = counterexample::run_counterexample_check(in);
            if (opts->json)
                print_json(r);
            else
                print_text(r);
            return counterexample::expected_verdicts(r) ? exit_ok : exit_failure;
        };
    });
}

}  // namespace gancert::cli
