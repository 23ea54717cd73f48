# Files of the rvd area: RVD project model, rendering to RCML, on-disk store, controller.
# All pure logic on Qt6::Core (the store does plain file I/O, no sockets).
target_sources(restcomm_logic PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/rvd_project.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rvd_render.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rvd_store.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rvd_controller.cpp)
