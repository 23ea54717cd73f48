# Files of the rcml area: target_sources(restcomm_logic PRIVATE ...) for pure logic, target_sources(restcomm_server PRIVATE ...) for libre I/O.
target_sources(restcomm_logic PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/rcml.cpp
    ${CMAKE_CURRENT_LIST_DIR}/interpreter.cpp)
