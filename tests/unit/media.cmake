# Tests of the media area: SDP rewriting, ringback tone (pure) and the RTP relay (sockets).
referphone_add_qtest(NAME tst_sdp LABEL unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sdp.cpp
    LIBS restcomm_logic)
referphone_add_qtest(NAME tst_tone LABEL unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tone.cpp
    LIBS restcomm_logic)
referphone_add_qtest(NAME tst_media_relay LABEL integration
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_media_relay.cpp LIBS restcomm_server TIMEOUT 60)
