# Tests of the http area (HTTP server, fetcher, event stream). They open sockets on 127.0.0.1
# with ephemeral ports, so they are labelled integration; sources live in tests/integration_http.
set(HTTP_TEST_DIR ${CMAKE_CURRENT_LIST_DIR}/../integration_http)

add_library(http_area_test_support STATIC ${HTTP_TEST_DIR}/http_test_support.cpp)
target_include_directories(http_area_test_support PUBLIC ${HTTP_TEST_DIR})
target_link_libraries(http_area_test_support PUBLIC restcomm_server libre_flags Qt6::Core)

foreach(test tst_http_server tst_http_fetcher tst_event_stream)
    referphone_add_qtest(NAME ${test} LABEL integration TIMEOUT 120
        SOURCES ${HTTP_TEST_DIR}/${test}.cpp
        LIBS http_area_test_support restcomm_server)
endforeach()
