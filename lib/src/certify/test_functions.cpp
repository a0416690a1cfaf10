#include "gancert/certify/test_functions.hpp"

#include <array>

#include "gancert/ad/jet.hpp"

namespace gancert::certify {
namespace {

template <std::size_t N, class Derived>
class JetFunction : public BoxFunction {
public:
    Enclosure<arith::idouble> enclose(const std::vector<arith::idouble>& x) const override {
        return run(x);
    }
    Enclosure<arith::impfr> enclose(const std::vector<arith::impfr>& x) const override {
        return run(x);
    }

private:
    template <class S>
    Enclosure<S> run(const std::vector<S>& x) const {
        std::array<ad::Jet<S, N>, N> v;
        for (std::size_t i = 0; i < N; ++i) v[i] = ad::Jet<S, N>::variable(x[i], i);
        ad::Jet<S, N> f = static_cast<const Derived&>(*this).template eval<S>(v);
        Enclosure<S> e{f.v, std::vector<S>(N), std::vector<S>(N * N)};
        for (std::size_t i = 0; i < N; ++i) {
            e.g[i] = f.g[i];
            for (std::size_t j = 0; j < N; ++j) e.H[i * N + j] = f.hess(i, j);
        }
        return e;
    }
};

std::vector<std::string> x_names(std::size_t n) {
    std::vector<std::string> r;
    for (std::size_t i = 0; i < n; ++i) {
        std::string s(1, 'x');
        s += std::to_string(i + 1);
        r.push_back(s);
    }
    return r;
}

template <std::size_t N>
class Quadratic : public JetFunction<N, Quadratic<N>> {
public:
    Quadratic(std::vector<std::string> c, std::vector<std::string> A, std::string c0)
        : c_(std::move(c)), A_(std::move(A)), c0_(std::move(c0)) {
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = 0; j < N; ++j)
                if (A_[i * N + j] != A_[j * N + i])
                    throw arith::bad_input("test-quadratic: A is not symmetric");
        for (auto& s : A_) arith::parse<double>(s, "test-quadratic A");
        for (auto& s : c_) arith::parse<double>(s, "test-quadratic centre");
        arith::parse<double>(c0_, "test-quadratic c0");
    }
    std::vector<std::string> names() const override { return x_names(N); }
    nlohmann::json describe() const override {
        return {{"model", "test-quadratic"}, {"centre", c_}, {"A", A_}, {"c0", c0_}};
    }
    template <class S>
    ad::Jet<S, N> eval(const std::array<ad::Jet<S, N>, N>& x) const {
        std::array<ad::Jet<S, N>, N> d;
        for (std::size_t i = 0; i < N; ++i) d[i] = x[i] - arith::parse<S>(c_[i]);
        ad::Jet<S, N> q(arith::parse<S>(c0_));
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = 0; j < N; ++j)
                q += (d[i] * d[j]) * (arith::parse<S>(A_[i * N + j]) / S(2));
        return q;
    }

private:
    std::vector<std::string> c_, A_;
    std::string c0_;
};

template <std::size_t N>
class Cubic : public JetFunction<N, Cubic<N>> {
public:
    std::vector<std::string> names() const override { return x_names(N); }
    nlohmann::json describe() const override { return {{"model", "test-cubic"}, {"n", N}}; }
    template <class S>
    ad::Jet<S, N> eval(const std::array<ad::Jet<S, N>, N>& x) const {
        ad::Jet<S, N> f;
        for (std::size_t i = 0; i < N; ++i) f += x[i] * x[i] * x[i] - x[i] * S(3);
        return f;
    }
};

class Degenerate : public JetFunction<2, Degenerate> {
public:
    std::vector<std::string> names() const override { return {"x", "y"}; }
    nlohmann::json describe() const override { return {{"model", "test-degenerate"}}; }
    template <class S>
    ad::Jet<S, 2> eval(const std::array<ad::Jet<S, 2>, 2>& x) const {
        return x[0] * x[0] * x[1];
    }
};

}  // namespace

std::unique_ptr<BoxFunction> make_test_quadratic(std::vector<std::string> centre,
                                                 std::vector<std::string> A, std::string c0) {
    std::size_t n = centre.size();
    if (A.size() != n * n) throw arith::bad_input("test-quadratic: A must have n*n entries");
    switch (n) {
        case 1: return std::make_unique<Quadratic<1>>(centre, A, c0);
        case 2: return std::make_unique<Quadratic<2>>(centre, A, c0);
        case 3: return std::make_unique<Quadratic<3>>(centre, A, c0);
        case 4: return std::make_unique<Quadratic<4>>(centre, A, c0);
        default: throw arith::bad_input("test-quadratic: dimension must be 1..4");
    }
}
std::unique_ptr<BoxFunction> make_test_cubic(unsigned n) {
    switch (n) {
        case 1: return std::make_unique<Cubic<1>>();
        case 2: return std::make_unique<Cubic<2>>();
        case 3: return std::make_unique<Cubic<3>>();
        case 4: return std::make_unique<Cubic<4>>();
        default: throw arith::bad_input("test-cubic: n must be 1..4");
    }
}
std::unique_ptr<BoxFunction> make_test_degenerate() { return std::make_unique<Degenerate>(); }

}  // namespace gancert::certify
