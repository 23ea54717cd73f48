#pragma once
// RAII ownership of libre objects (anything allocated with mem_alloc/mem_zalloc: tcp_conn,
// http_cli, mbuf...). Releasing a reference is mem_deref; this header does not include <re.h>
// because re.h defines macros (VERSION, MIN, MAX...) that break Qt and std headers.
#include <memory>

extern "C" void *mem_deref(void *data);
extern "C" void *mem_ref(void *data);

namespace mrc {

struct MemDeref {
    void operator()(void *object) const noexcept { mem_deref(object); }
};

template <class T>
using ReUniquePtr = std::unique_ptr<T, MemDeref>;

// Takes one more reference on a libre object that someone else also holds.
template <class T>
ReUniquePtr<T> reShare(T *object) {
    return ReUniquePtr<T>(static_cast<T *>(mem_ref(object)));
}

}  // namespace mrc
