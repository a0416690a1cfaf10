// The automatic optimal-discriminator check; proofs/optimal-discriminator.md, lemmas X.1–X.8.
#include "gancert/counterexample/check.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <stdexcept>

#include "gancert/api/limits.hpp"
#include "gancert/counterexample/exponential_contrast.hpp"
#include "gancert/counterexample/jensen_shannon.hpp"
#include "gancert/counterexample/gaussian_moment.hpp"
#include "gancert/counterexample/log_kernel_series.hpp"
#include "gancert/counterexample/log_moment.hpp"
#include "gancert/model/eval_policy.hpp"
#include "gancert/model/two_dim_data.hpp"

namespace gancert::counterexample {
using arith::impfr;
using arith::integer;
using arith::mpfr;

const char* to_string(Verdict v) {
    switch (v) {
        case Verdict::refuted: return "REFUTED";
        case Verdict::consistent: return "CONSISTENT";
        default: return "UNDECIDED";
    }
}

bool meets_relative_width(const impfr& x, unsigned digits, unsigned slack) {
    if (x.lower() == x.upper()) return true;
    const mpfr m = arith::mig(x);
    if (m == 0) return false;
    const impfr scale = arith::pow(integer<impfr>(10), static_cast<int>(digits)) * integer<impfr>(slack);
    const mpfr bound = (impfr(m) / scale).lower();
    return arith::width_up(x) <= bound;
}

namespace {

struct TwoDimSpec {
    const char* name;
    const char* theta1;
    const char* theta2;
    const char* eta1;
    const char* eta2;
};
// Generators in relative coordinates θ_i = c_i g_i, η_i = c_i h_i (the first is marginal-matching).
constexpr std::array<TwoDimSpec, 5> two_dim_specs{{
    {"matching", "1", "1", "0", "0"},
    {"G1", "2", "0.5", "0", "0"},
    {"G2", "1.5", "0.7", "-1", "-2"},
    {"G3", "1", "1", "0.1", "0"},
    {"G4", "1", "2", "0", "1"},
}};
constexpr std::array<const char*, 5> k_values{"1", "10", "100", "1000", "1000000"};

struct OneDimSpec {
    const char* name;
    const char* theta;
    const char* eta;
};
// g = θ/c, h = η/c; the first is G* (law equal to the data law).
constexpr std::array<OneDimSpec, 6> one_dim_specs{{
    {"G*", "1", "0"},
    {"G1", "0.6", "-0.25"},
    {"G2", "0.25", "0"},
    {"G3", "0.75", "-1"},
    {"G4", "1", "-0.5"},
    {"G5", "2", "0.5"},
}};

constexpr unsigned first_guard = model::counterexample_first_guard_bits;  // model/eval_policy.hpp
constexpr int max_attempts = model::counterexample_max_attempts;

void validate_input(const CheckInput& in) {
    if (in.digits == 0 || in.digits > limits::max_counterexample_digits)
        throw arith::bad_input("digits must be in 1.." + std::to_string(limits::max_counterexample_digits) +
                               " (got " + std::to_string(in.digits) + ")");
    arith::precision_guard g(64);
    (void)model::to_scalar<impfr>(model::DecimalTwoDimData{in.c1, in.c2});
    const impfr c = arith::parse<impfr>(in.c, "c");
    if (!arith::certainly_positive(c)) throw arith::bad_input("c must be > 0 (got " + in.c + ")");
}

TwoDimCase two_dim_case_at_current_precision(const TwoDimSpec& spec, const CheckInput& in) {
    TwoDimCase out;
    out.name = spec.name;
    out.theta1 = spec.theta1;
    out.theta2 = spec.theta2;
    out.eta1 = spec.eta1;
    out.eta2 = spec.eta2;
    out.matching = std::string(spec.name) == "matching";
    const auto data = model::to_scalar<impfr>(model::DecimalTwoDimData{in.c1, in.c2});
    const auto gen =
        out.matching ? model::marginal_matching_generator(data)
                     : model::relative_generator(data, arith::parse<impfr>(spec.theta1), arith::parse<impfr>(spec.theta2),
                                                 arith::parse<impfr>(spec.eta1), arith::parse<impfr>(spec.eta2));
    out.g1 = gen.g1;
    out.g2 = gen.g2;
    out.h1 = gen.h1;
    out.h2 = gen.h2;
    // Matching generator: ℓ̂(X) = c1X1 − c2X2 = difference of two independent Exp(1): Laplace(0, 1) exactly.
    out.law = out.matching ? LineLaw<impfr>{integer<impfr>(1), integer<impfr>(1), integer<impfr>(0)}
                           : line_law(data, gen);
    return out;
}

LineRow row_at_current_precision(const LineLaw<impfr>& law, const char* k_str, bool matching) {
    LineRow row;
    row.k = k_str;
    const impfr k = arith::parse<impfr>(k_str, "k");
    const impfr s = arith::square(k);
    auto M = [&](const impfr& x) { return matching ? laplace_gaussian_moment(x) : gaussian_moment(law, x); };
    row.M_s = M(s);
    row.M_2s = M(integer<impfr>(2) * s);
    row.M_3s = M(integer<impfr>(3) * s);
    row.J = integer<impfr>(2) - integer<impfr>(2) * row.M_s + row.M_2s;
    row.V = log_cost_of_line_discriminator(law, k);
    const impfr f = law.density_max();
    row.J_bound = integer<impfr>(2) - integer<impfr>(2) * arith::sqrt_pi<impfr>() * f / k;
    row.V_bound = -(zeta_half_integer(3) * arith::sqrt_pi<impfr>() * f / k);
    row.bits = arith::working_bits();
    return row;
}

bool row_meets(const LineRow& r, unsigned digits) {
    return meets_relative_width(r.M_s, digits, 4) && meets_relative_width(r.M_2s, digits, 4) &&
           meets_relative_width(r.J, digits, 4) && meets_relative_width(r.V, digits, 4);
}

OneDimCase one_dim_case_at_current_precision(const OneDimSpec& spec, const CheckInput& in) {
    OneDimCase out;
    out.name = spec.name;
    out.theta = spec.theta;
    out.eta = spec.eta;
    const impfr c = arith::parse<impfr>(in.c, "c");
    const impfr theta = arith::parse<impfr>(spec.theta);
    const impfr eta = arith::parse<impfr>(spec.eta);
    out.optimum = std::string(spec.theta) == "1" && std::string(spec.eta) == "0";
    out.g = theta / c;
    out.h = eta / c;
    const int h_sign = spec.eta[0] == '-' ? -1 : (std::string(spec.eta) == "0" ? 0 : 1);
    // γ = 1/g = c/θ; θ = 1 means γ = c exactly (symbolically, not up to rounding).
    ExponentialPair pair{c, c / theta, out.h, h_sign, std::string(spec.theta) == "1"};
    out.tv = total_variation(pair);
    out.c_ls = integer<impfr>(1) + out.tv;
    if (out.optimum) {
        out.jsd = integer<impfr>(0);
        out.c_log = -(integer<impfr>(2) * arith::ln2<impfr>());
    } else {  // lemma X.9: C_log = −log 4 + 2 JSD = −I, JSD = log 2 − I/2
        const impfr overlap = jensen_shannon_overlap(pair);
        out.jsd = arith::ln2<impfr>() - overlap / integer<impfr>(2);
        out.c_log = -overlap;
    }
    out.jsd_bracket = jensen_shannon_bracket(out.tv);
    out.bits = arith::working_bits();
    return out;
}

}  // namespace

Report run_counterexample_check(const CheckInput& input) {
    validate_input(input);
    const auto start = std::chrono::steady_clock::now();
    Report r;
    r.input = input;
    const unsigned base_bits = arith::bits_for_digits(input.digits, 0);
    auto note_bits = [&r](unsigned b) { r.max_bits = std::max(r.max_bits, b); };
    for (const auto& spec : two_dim_specs) {
        TwoDimCase tc;
        {
            arith::precision_guard g(base_bits + 64);
            tc = two_dim_case_at_current_precision(spec, input);
        }
        for (const char* k : k_values) {
            LineRow row;
            unsigned guard_bits = first_guard;
            for (int attempt = 0; attempt < max_attempts; ++attempt, guard_bits *= 2) {
                arith::precision_guard g(base_bits + guard_bits);
                const TwoDimCase fresh = two_dim_case_at_current_precision(spec, input);
                row = row_at_current_precision(fresh.law, k, fresh.matching);
                if (row_meets(row, input.digits)) break;
            }
            note_bits(row.bits);
            tc.rows.push_back(row);
        }
        r.two_dim.push_back(std::move(tc));
    }
    for (const auto& spec : one_dim_specs) {
        OneDimCase oc;
        unsigned guard_bits = first_guard;
        for (int attempt = 0; attempt < max_attempts; ++attempt, guard_bits *= 2) {
            arith::precision_guard g(base_bits + guard_bits);
            oc = one_dim_case_at_current_precision(spec, input);
            if (meets_relative_width(oc.tv, input.digits, 4) && meets_relative_width(oc.c_ls, input.digits, 4) &&
                meets_relative_width(oc.c_log, input.digits, 4) && meets_relative_width(oc.jsd, input.digits, 4))
                break;
        }
        note_bits(oc.bits);
        r.one_dim.push_back(oc);
    }
    {
        arith::precision_guard g(base_bits + first_guard);
        r.minus_log4 = -(integer<impfr>(2) * arith::ln2<impfr>());
    }
    judge(r);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

void judge(Report& r) {
    r.passed.clear();
    r.failures.clear();
    const unsigned d = r.input.digits;
    arith::precision_guard guard(arith::bits_for_digits(d, 64));
    bool two_ok = true, one_ok = true;
    auto check = [&r](bool ok, bool& group, const std::string& what) {
        (ok ? r.passed : r.failures).push_back(what);
        if (!ok) group = false;
    };
    auto intersects = [](const impfr& x, const impfr& lo, const impfr& hi) {
        return x.upper() >= lo.lower() && x.lower() <= hi.upper();
    };
    const impfr one = integer<impfr>(1), two = integer<impfr>(2), zero = integer<impfr>(0);
    const impfr sqrt_pi = arith::sqrt_pi<impfr>(), pi = arith::pi<impfr>();
    const impfr near_two = two - one / integer<impfr>(100);
    for (const auto& tc : r.two_dim) {
        const std::string who = "2-D " + tc.name + ": ";
        const impfr f = tc.law.density_max();
        for (std::size_t i = 0; i < tc.rows.size(); ++i) {
            const LineRow& row = tc.rows[i];
            const std::string at = who + "k=" + row.k + ": ";
            const impfr k = arith::parse<impfr>(row.k, "k");
            const impfr s = arith::square(k);
            check(meets_relative_width(row.M_s, d) && meets_relative_width(row.M_2s, d) &&
                      meets_relative_width(row.J, d) && meets_relative_width(row.V, d),
                  two_ok, at + "M(k^2), M(2k^2), J, V meet 1e-" + std::to_string(d) + " relative width");
            // X.8(a): 0 < M(s) <= f_max sqrt(pi/s); M decreasing in s.
            bool m_ok = true;
            const std::array<std::pair<const impfr*, long>, 3> ms{{{&row.M_s, 1}, {&row.M_2s, 2}, {&row.M_3s, 3}}};
            for (const auto& [m, n] : ms) {
                const impfr sn = integer<impfr>(n) * s;
                m_ok = m_ok && m->upper() > 0 && m->lower() <= (f * sqrt_pi / arith::sqrt(sn)).upper();
                if (tc.matching) {  // X.8(b): 2/(1+sqrt(1+8s)) < M(s) <= 2/(1+sqrt(1+16s/pi))
                    const impfr lo = two / (one + arith::sqrt(one + integer<impfr>(8) * sn));
                    const impfr hi = two / (one + arith::sqrt(one + integer<impfr>(16) * sn / pi));
                    m_ok = m_ok && intersects(*m, lo, hi);
                }
            }
            m_ok = m_ok && row.M_2s.lower() < row.M_s.upper() && row.M_3s.lower() < row.M_2s.upper();
            check(m_ok, two_ok, at + "M(nk^2) within its proven bounds" + std::string(tc.matching ? " (incl. A&S 7.1.13 bracket)" : ""));
            // J_k in [2 − 2√π f/k, 2] and, for k >= 10³, inside (2 − 10⁻², 2).
            check(intersects(row.J, row.J_bound, two) && row.J.upper() < 2, two_ok,
                  at + "J within [2 - 2 sqrt(pi) f_max/k, 2)");
            if (arith::certainly_positive(k - integer<impfr>(999)))
                check(row.J.lower() > near_two.upper() && row.J.upper() < 2, two_ok, at + "2 - 1e-2 < J < 2");
            // V < 0, V >= −ζ(3/2)√π f/k, V <= −Σ_{n<=3} M(nk²)/n.
            const impfr v_upper = -(row.M_s + row.M_2s / two + row.M_3s / integer<impfr>(3));
            check(row.V.upper() < 0 && intersects(row.V, row.V_bound, v_upper), two_ok,
                  at + "V < 0 and within [-zeta(3/2) sqrt(pi) f_max/k, -sum_{n<=3} M(nk^2)/n]");
            if (i + 1 < tc.rows.size()) {
                const LineRow& next = tc.rows[i + 1];
                check(row.J.upper() < next.J.lower() && row.V.upper() < next.V.lower(), two_ok,
                      at + "J and V strictly increase from k=" + row.k + " to k=" + next.k);
            }
        }
        check(!tc.rows.empty() && tc.rows.back().V.lower() > r.minus_log4.upper(), two_ok,
              who + "C(G) >= V(D_kmax, G) > -log 4 (the claimed minimum value is not the value at this G)");
    }
    r.two_dim_verdict = two_ok && !r.two_dim.empty() ? Verdict::refuted : Verdict::undecided;
    const impfr minus_log4 = -(two * arith::ln2<impfr>());
    for (const auto& oc : r.one_dim) {
        const std::string who = "1-D " + oc.name + ": ";
        if (oc.optimum) {
            check(oc.tv.lower() == 0 && oc.tv.upper() == 0 && oc.c_ls.lower() == 1 && oc.c_ls.upper() == 1 &&
                      arith::subset_of(minus_log4, oc.c_log) && meets_relative_width(oc.c_log, d),
                  one_ok, who + "TV = 0, C_LS(G*) = 1, C_log(G*) = -log 4 (enclosed to 1e-" + std::to_string(d) + ")");
        } else {
            check(meets_relative_width(oc.tv, d) && meets_relative_width(oc.c_ls, d), one_ok,
                  who + "TV and C_LS meet 1e-" + std::to_string(d) + " relative width");
            check(meets_relative_width(oc.jsd, d) && meets_relative_width(oc.c_log, d), one_ok,
                  who + "JSD and C_log meet 1e-" + std::to_string(d) + " relative width");
            check(intersects(oc.jsd, impfr(oc.jsd_bracket.lower()), impfr(oc.jsd_bracket.upper())) &&
                      oc.jsd.lower() >= oc.jsd_bracket.lower() && oc.jsd.upper() <= oc.jsd_bracket.upper(),
                  one_ok, who + "JSD within its TV bracket TV^2/2 <= JSD <= TV log 2 (consistency)");
            check(oc.tv.lower() > 0 && oc.tv.upper() <= 1 && oc.c_ls.lower() > 1 &&
                      oc.c_log.lower() > r.minus_log4.upper(),
                  one_ok, who + "C_LS(G) > 1 = C_LS(G*) and C_log(G) = -log 4 + 2 JSD > -log 4 = C_log(G*)");
        }
    }
    r.one_dim_verdict = one_ok && !r.one_dim.empty() ? Verdict::consistent : Verdict::undecided;
}

bool expected_verdicts(const Report& r) {
    return r.failures.empty() && r.two_dim_verdict == Verdict::refuted && r.one_dim_verdict == Verdict::consistent;
}

}  // namespace gancert::counterexample
