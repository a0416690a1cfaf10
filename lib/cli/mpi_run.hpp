// Distributed certification. Under `mpirun -np N` (when gancert was built with MPI):
//  * rank 0 chooses the certificate path (the --out path, or a temporary one it broadcasts),
//    locks it for the whole run and writes the header (or, with --resume, folds the part files
//    of an interrupted run into the checkpoint);
//  * every rank computes the same pending boxes (the checkpoint's gaps, or the initial
//    partition) and certifies those with index ≡ rank (mod N) into "<out>.part<rank>";
//  * rank 0 merges the parts (a missing part or a leaf count that differs from what its rank
//    reported is an error), removes them and appends the summary computed from the leaves
//    actually in the certificate (exact tiling check). A failed or killed rank leaves its part
//    files; a rerun with --resume (with or without mpirun) continues from them.
// Without MPI, or when not launched by mpirun, this is certify::certify().
#pragma once
#include <functional>
#include <string>

#include "gancert/certify/engine.hpp"

namespace gancert::cli {

/// True when this process was started by mpirun with more than one rank.
bool launched_by_mpirun();

/// Returns an empty verdict on ranks other than 0. `temporary_path` gives a certificate path
/// when opt.out is empty (called on rank 0 only).
certify::CertifyResult run_distributed(const certify::BoxFunction& f, const certify::Box& root,
                                       const certify::Claim& claim, const certify::CertifyOptions& opt,
                                       const std::function<std::string()>& temporary_path);

}  // namespace gancert::cli
