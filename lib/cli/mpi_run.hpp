// Distributed certification: under `mpirun -np N` (when gancert was built with MPI) each rank
// certifies its share of a deterministic initial partition into its own part file; rank 0
// merges the parts into one certificate and appends the summary. Without MPI, or when not
// launched by mpirun, this is certify::certify().
#pragma once
#include "gancert/certify/engine.hpp"

namespace gancert::cli {

/// Returns an empty verdict on ranks other than 0.
certify::CertifyResult run_distributed(const certify::BoxFunction& f, const certify::Box& root,
                                       const certify::Claim& claim, const certify::CertifyOptions& opt);

}  // namespace gancert::cli
