# Files of the media area: target_sources(restcomm_logic PRIVATE ...) for pure logic, target_sources(restcomm_server PRIVATE ...) for libre I/O.
# SDP parsing/rewriting and the ringback generator are pure; the RTP relay uses libre sockets.
target_sources(restcomm_logic PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sdp.h ${CMAKE_CURRENT_LIST_DIR}/sdp.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tone.h ${CMAKE_CURRENT_LIST_DIR}/tone.cpp)
target_sources(restcomm_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/media_relay.h ${CMAKE_CURRENT_LIST_DIR}/media_relay.cpp)
