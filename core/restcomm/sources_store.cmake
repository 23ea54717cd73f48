# Files of the store area: store, number matching, call registry, REST API, config import.
target_sources(restcomm_logic PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/sip_digest.cpp
    ${CMAKE_CURRENT_LIST_DIR}/numbers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/store.cpp
    ${CMAKE_CURRENT_LIST_DIR}/call_registry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/rest_api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/config_document.cpp)
