// gancert/counterexample/check.hpp — the automatic check of the optimal-discriminator claim
// (proofs/optimal-discriminator.md, proofs/lemmas.md §X, issue 6): certified numbers for both dimension cases, their
// verification against independently proven bounds, and the two verdicts.
//
// Case "dim z < dim x": for the marginal-matching generator and four others (given in the
// relative coordinates θ_i = c_i g_i, η_i = c_i h_i), and k ∈ {1, 10, 10², 10³, 10⁶},
// enclosures of M(k²), M(2k²), J(D_k, G) and V(D_k, G), each to relative width <= 10^{−digits}.
// Case "dim z = dim x = 1": TV(Exp(c), h + Exp(1/g)) enclosed, JSD enclosed (lemma X.9) and checked against its TV bracket, C_LS = 1 + TV,
// C_log = −log 4 + 2 JSD, at G* (g = 1/c, h = 0) and four G ≠ G*.
//
// Contract: every reported number is an enclosure; a verdict is "proved" only if every
// check passed; bad parameters throw arith::bad_input naming them.
#pragma once
#include <string>
#include <vector>

#include "gancert/arith/scalar.hpp"
#include "gancert/counterexample/line_law.hpp"

namespace gancert::counterexample {

/// User input (exact decimal strings) and the requested digits.
struct CheckInput {
    std::string c1 = "0.5", c2 = "2", c = "0.5";
    unsigned digits = 30;
};

/// Certified numbers for one k (s = k²).
struct LineRow {
    std::string k;           ///< decimal k
    arith::impfr M_s;        ///< M(k²)
    arith::impfr M_2s;       ///< M(2k²)
    arith::impfr M_3s;       ///< M(3k²) (only used by the check V <= −Σ_{n<=3} M(nk²)/n)
    arith::impfr J;          ///< J(D_k, G) = 2 − 2M(k²) + M(2k²)
    arith::impfr V;          ///< V(D_k, G) = E log(1 − e^{−k²L²})
    arith::impfr J_bound;    ///< proven J_k >= 2 − 2√π f_max/k
    arith::impfr V_bound;    ///< proven V_k >= −ζ(3/2)√π f_max/k
    unsigned bits = 0;       ///< working precision that met the digits
};

/// One generator of the 2-D model.
struct TwoDimCase {
    std::string name, theta1, theta2, eta1, eta2;
    bool matching = false;
    arith::impfr g1, g2, h1, h2;
    LineLaw<arith::impfr> law;
    std::vector<LineRow> rows;
};

/// One generator of the 1-D model.
struct OneDimCase {
    std::string name, theta, eta;  ///< g = θ/c, h = η/c
    bool optimum = false;          ///< θ = 1, η = 0, i.e. G = G*
    arith::impfr g, h, tv, jsd, c_ls, c_log;
    arith::impfr jsd_bracket;  ///< proven TV^2/2 <= JSD <= TV log 2 (consistency check only)
    unsigned bits = 0;
};

enum class Verdict { refuted, consistent, undecided };
const char* to_string(Verdict v);

/// Everything the command prints.
struct Report {
    CheckInput input;
    std::vector<TwoDimCase> two_dim;
    std::vector<OneDimCase> one_dim;
    arith::impfr minus_log4;             ///< −log 4 enclosed
    std::vector<std::string> passed;      ///< checks that passed (one line each)
    std::vector<std::string> failures;    ///< checks that failed (one line each)
    Verdict two_dim_verdict = Verdict::undecided;
    Verdict one_dim_verdict = Verdict::undecided;
    double seconds = 0;
    unsigned max_bits = 0;
};

/// Computes all certified numbers (escalating the precision until every enclosure meets
/// input.digits) and then calls judge(). Throws arith::bad_input naming "c1", "c2", "c" or
/// "digits" for invalid input.
Report run_counterexample_check(const CheckInput& input);

/// Re-derives passed/failures and both verdicts from the numbers in `r` alone: each enclosure
/// must be consistent with bounds proven independently of how it was computed
/// (proofs/lemmas.md X.8), meet the digits, be monotone in k, J ∈ (2 − 10⁻², 2) for k >= 10³,
/// V < 0; TV(G*) = 0 and TV(G) > 0 for G ≠ G*. Verdicts: REFUTED (2-D) / CONSISTENT (1-D)
/// when everything holds, otherwise UNDECIDED.
void judge(Report& r);

/// True iff the verdicts are the expected ones (REFUTED for dim z < dim x, CONSISTENT for
/// dim z = dim x) and no check failed.
bool expected_verdicts(const Report& r);

/// True iff x is a point, or width(x) <= 10^{−digits}·min|x| / slack (rigorously rounded).
bool meets_relative_width(const arith::impfr& x, unsigned digits, unsigned slack = 1);

}  // namespace gancert::counterexample
