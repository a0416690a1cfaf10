// Internal: the Krawczyk operator (proofs/lemmas.md §K2) and certified inertia (§K3) over an
// interval box evaluation; preconditioners/bases come as exact decimal strings (recorded in the
// certificate) from linear_algebra.hpp.
#pragma once
#include <optional>
#include <utility>

#include "evidence_support.hpp"

namespace gancert::certify::detail {

template <class S>
std::vector<S> parse_matrix(const std::vector<std::string>& m) {
    std::vector<S> r;
    for (const auto& s : m) r.push_back(arith::parse<S>(s, "preconditioner"));
    return r;
}

/// K(B) = m − Y ∇J(m) + (I − Y ∇²J(B)) (B − m).
template <class S>
std::vector<S> krawczyk(const Eval<S>& e, const std::vector<std::string>& Ydec) {
    std::size_t n = e.X.size();
    std::vector<S> Y = parse_matrix<S>(Ydec);
    std::vector<S> K(n);
    for (std::size_t i = 0; i < n; ++i) {
        S k = e.M[i];
        for (std::size_t j = 0; j < n; ++j) k = k - Y[i * n + j] * e.mid.g[j];
        for (std::size_t j = 0; j < n; ++j) {
            S c = S(i == j ? 1 : 0);
            for (std::size_t l = 0; l < n; ++l) c = c - Y[i * n + l] * e.box.hess(l, j);
            k = k + c * (e.X[j] - e.M[j]);
        }
        K[i] = k;
    }
    return K;
}

/// Inertia of every matrix in ∇²J(B) via Gershgorin discs of Qᵀ∇²J(B)Q (§K3):
/// {npos, nneg}, or nullopt if some disc contains 0.
template <class S>
std::optional<std::pair<int, int>> inertia(const Enclosure<S>& box, const std::vector<std::string>& Qdec) {
    std::size_t n = box.g.size();
    std::vector<S> Q = parse_matrix<S>(Qdec);
    std::vector<S> HQ(n * n), M(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            S s(0);
            for (std::size_t k = 0; k < n; ++k) s = s + box.hess(i, k) * Q[k * n + j];
            HQ[i * n + j] = s;
        }
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            S s(0);
            for (std::size_t k = 0; k < n; ++k) s = s + Q[k * n + i] * HQ[k * n + j];
            M[i * n + j] = s;
        }
    int pos = 0, neg = 0;
    for (std::size_t i = 0; i < n; ++i) {
        S r(0);
        for (std::size_t j = 0; j < n; ++j)
            if (j != i) r = r + arith::abs(M[i * n + j]);
        if ((M[i * n + i] - r).lower() > 0) ++pos;
        else if ((M[i * n + i] + r).upper() < 0) ++neg;
        else return std::nullopt;
    }
    return std::make_pair(pos, neg);
}

inline std::string type_of(int pos, int neg) {
    if (neg == 0) return "min";
    if (pos == 0) return "max";
    return "saddle";
}

}  // namespace gancert::certify::detail
