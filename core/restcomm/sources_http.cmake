# Files of the http area: target_sources(restcomm_logic PRIVATE ...) for pure logic, target_sources(restcomm_server PRIVATE ...) for libre I/O.
target_sources(restcomm_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/http_server.cpp
    ${CMAKE_CURRENT_LIST_DIR}/http_fetcher.cpp
    ${CMAKE_CURRENT_LIST_DIR}/event_stream.cpp)
