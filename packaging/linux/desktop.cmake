# The desktop entry (menu item, sip:/sips:/tel: URL handler, a "Transfer Lab" action) and the
# icon and the AppStream metadata, installed where freedesktop.org desktops look for them.
set(referphone_icons_dir ${CMAKE_SOURCE_DIR}/resources/icons)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/referphone.desktop DESTINATION share/applications)
install(FILES ${referphone_icons_dir}/referphone.svg
    DESTINATION share/icons/hicolor/scalable/apps)
install(FILES ${referphone_icons_dir}/referphone-256.png
    DESTINATION share/icons/hicolor/256x256/apps RENAME referphone.png)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/referphone.metainfo.xml DESTINATION share/metainfo
    RENAME io.github.referphone.referphone.metainfo.xml)  # named after its <id>
