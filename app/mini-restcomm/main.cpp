#include <cstdio>
int main() {
    std::puts("mini-restcomm: under construction");
    return 0;
}
