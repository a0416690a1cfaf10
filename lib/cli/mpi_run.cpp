#include "mpi_run.hpp"

namespace gancert::cli {

certify::CertifyResult run_distributed(const certify::BoxFunction& f, const certify::Box& root,
                                       const certify::Claim& claim, const certify::CertifyOptions& opt) {
    return certify::certify(f, root, claim, opt);
}

}  // namespace gancert::cli
