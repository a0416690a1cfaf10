#include "linear_algebra.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <cstdio>

namespace gancert::certify::detail {
namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Matrix to_matrix(const std::vector<double>& A, std::size_t n) {
    return Eigen::Map<const Matrix>(A.data(), static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
}

bool all_finite(const Matrix& M) { return M.allFinite(); }

std::vector<std::string> decimals_of(const Matrix& M) {
    std::vector<std::string> out;
    for (Eigen::Index i = 0; i < M.rows(); ++i)
        for (Eigen::Index j = 0; j < M.cols(); ++j) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.12g", M(i, j));
            out.emplace_back(buf);
        }
    return out;
}

}  // namespace

std::optional<std::vector<std::string>> approximate_inverse(const std::vector<double>& A, std::size_t n) {
    Matrix M = to_matrix(A, n);
    if (!all_finite(M)) return std::nullopt;
    Eigen::FullPivLU<Matrix> lu(M);
    if (!lu.isInvertible()) return std::nullopt;
    Matrix inv = lu.inverse();
    if (!all_finite(inv)) return std::nullopt;
    return decimals_of(inv);
}

std::vector<std::string> approximate_eigenvectors(const std::vector<double>& A, std::size_t n) {
    Matrix M = to_matrix(A, n);
    if (!all_finite(M)) return decimals_of(Matrix::Identity(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n)));
    Matrix sym = (M + M.transpose()) / 2;
    Eigen::SelfAdjointEigenSolver<Matrix> es(sym);
    if (es.info() != Eigen::Success) return decimals_of(Matrix::Identity(sym.rows(), sym.cols()));
    return decimals_of(es.eigenvectors());
}

}  // namespace gancert::certify::detail
