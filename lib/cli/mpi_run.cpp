#include "mpi_run.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "gancert/arith/decimal.hpp"

#ifdef GANCERT_HAVE_MPI
#include <mpi.h>
#endif

namespace gancert::cli {

certify::CertifyResult run_distributed(const certify::BoxFunction& f, const certify::Box& root,
                                       const certify::Claim& claim, const certify::CertifyOptions& opt) {
#ifdef GANCERT_HAVE_MPI
    const char* launched = std::getenv("OMPI_COMM_WORLD_SIZE");
    if (launched && std::atoi(launched) > 1) {
        if (opt.resume) throw arith::bad_input("--resume: not supported under mpirun (resume without MPI)");
        MPI_Init(nullptr, nullptr);
        int rank = 0, size = 1;
        MPI_Comm_rank(MPI_COMM_WORLD, &rank);
        MPI_Comm_size(MPI_COMM_WORLD, &size);
        certify::CertifyOptions mine = opt;
        mine.part_index = static_cast<unsigned>(rank);
        mine.part_count = static_cast<unsigned>(size);
        mine.out = opt.out + ".part" + std::to_string(rank);
        mine.progress = opt.progress && rank == 0;
        auto t0 = MPI_Wtime();
        certify::CertifyResult part = certify::certify(f, root, claim, mine);
        std::size_t leaves = part.summary.value("leaves", std::size_t{0}), total = 0;
        MPI_Reduce(&leaves, &total, 1, MPI_UNSIGNED_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
        MPI_Barrier(MPI_COMM_WORLD);
        certify::CertifyResult r;
        if (rank == 0) {  // merge: one header, every part's leaves, then the summary
            std::ofstream out(opt.out, std::ios::binary | std::ios::trunc);
            for (int k = 0; k < size; ++k) {
                std::ifstream in(opt.out + ".part" + std::to_string(k), std::ios::binary);
                std::string line;
                bool first = true;
                while (std::getline(in, line)) {
                    if (first && k > 0) { first = false; continue; }
                    first = false;
                    out << line << '\n';
                }
            }
            out.close();
            for (int k = 0; k < size; ++k) std::filesystem::remove(opt.out + ".part" + std::to_string(k));
            nlohmann::json stats = {{"seconds", MPI_Wtime() - t0}, {"ranks", size},
                                    {"threads_per_rank", part.summary["stats"]["threads"]}};
            r = certify::finish_certificate(opt.out, MPI_Wtime() - t0, stats);
        }
        MPI_Finalize();
        return r;
    }
#endif
    return certify::certify(f, root, claim, opt);
}

}  // namespace gancert::cli
