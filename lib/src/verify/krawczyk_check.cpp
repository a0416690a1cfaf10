// Krawczyk operator and Gershgorin inertia of the independent verifier (krawczyk_check.hpp).
#include "krawczyk_check.hpp"

#include <stdexcept>

#include "gancert/arith/decimal.hpp"

namespace gancert::verify::detail {
namespace {

std::vector<idouble> matrix(const std::vector<std::string>& text, std::size_t n, const char* what) {
    if (text.size() != n * n) throw std::runtime_error(std::string("independent: ") + what + " has the wrong size");
    std::vector<idouble> M;
    for (const auto& t : text) M.push_back(arith::parse<idouble>(t, what));
    return M;
}
idouble abs_upper(const idouble& x) { return idouble(std::max(-x.lower(), x.upper())); }

}  // namespace

std::vector<idouble> krawczyk(const RseeModel& m, const certify::Box& B, const std::vector<std::string>& Ytext) {
    std::size_t n = B.dims();
    std::vector<idouble> Y = matrix(Ytext, n, "Y");
    std::vector<Decimal> mid = B.midpoint();
    Values atB = integral_values(m, B), atm = integral_values_at(m, mid);
    std::vector<idouble> d(n), K(n);
    for (std::size_t j = 0; j < n; ++j) d[j] = outward(B.lo[j], B.hi[j]) - outward(mid[j], mid[j]);
    for (std::size_t i = 0; i < n; ++i) {
        idouble k = outward(mid[i], mid[i]);
        for (std::size_t j = 0; j < n; ++j) k = k - Y[i * n + j] * atm.g[j];
        for (std::size_t j = 0; j < n; ++j) {
            idouble c(i == j ? 1.0 : 0.0);
            for (std::size_t l = 0; l < n; ++l) c = c - Y[i * n + l] * atB.H[l * n + j];
            k = k + c * d[j];
        }
        K[i] = k;
    }
    return K;
}

bool strictly_inside(const std::vector<idouble>& K, const certify::Box& B) {
    for (std::size_t i = 0; i < K.size(); ++i) {
        idouble lo = arith::enclose<idouble>(B.lo[i], "box"), hi = arith::enclose<idouble>(B.hi[i], "box");
        if (!(lo.upper() < K[i].lower() && K[i].upper() < hi.lower())) return false;
    }
    return true;
}

bool misses(const std::vector<idouble>& K, const certify::Box& B) {
    for (std::size_t i = 0; i < K.size(); ++i) {
        idouble X = outward(B.lo[i], B.hi[i]);
        if (K[i].upper() < X.lower() || X.upper() < K[i].lower()) return true;
    }
    return false;
}

std::optional<std::pair<int, int>> gershgorin_inertia(const std::vector<idouble>& H, const std::vector<std::string>& Qtext,
                                                      std::size_t n) {
    std::vector<idouble> Q = matrix(Qtext, n, "Q"), HQ(n * n, idouble(0)), M(n * n, idouble(0));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t k = 0; k < n; ++k) HQ[i * n + j] = HQ[i * n + j] + H[i * n + k] * Q[k * n + j];
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            for (std::size_t k = 0; k < n; ++k) M[i * n + j] = M[i * n + j] + Q[k * n + i] * HQ[k * n + j];
    int pos = 0, neg = 0;
    for (std::size_t i = 0; i < n; ++i) {
        idouble r(0);
        for (std::size_t j = 0; j < n; ++j)
            if (j != i) r = r + abs_upper(M[i * n + j]);
        idouble R(-r.upper(), r.upper());
        idouble disc = M[i * n + i] + R;
        if (disc.lower() > 0) ++pos;
        else if (disc.upper() < 0) ++neg;
        else return std::nullopt;
    }
    return std::pair<int, int>(pos, neg);
}

}  // namespace gancert::verify::detail
