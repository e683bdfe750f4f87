# The targets of thousandeyes-credentials, for both ways CMake meets it: the
# installed package (thousandeyes-credentials-config.cmake) and the source
# tree (the top-level CMakeLists.txt, for add_subdirectory and FetchContent).
# The includer sets:
#   _te_include_dir   the directory holding thousandeyes/
#   _te_json_source   a .cpp compiling the Boost.JSON parts error_message.hpp
#                     needs (json_src.hpp), or empty to link Boost::json
#   _te_global        GLOBAL (source tree) or empty (installed package)
#
# THOUSANDEYES_CREDENTIALS_BOOST_URL (set before find_package or
# add_subdirectory): "linked" (default) links Boost::url; "header-only"
# (Boost 1.81/1.82 only) links Boost's headers, and the program includes
# <thousandeyes/credentials/url_src.hpp> or src.hpp in one translation unit.
if(NOT DEFINED THOUSANDEYES_CREDENTIALS_BOOST_URL)
  set(THOUSANDEYES_CREDENTIALS_BOOST_URL linked)
endif()
if(THOUSANDEYES_CREDENTIALS_BOOST_URL STREQUAL "linked")
  find_package(Boost 1.81 QUIET COMPONENTS url)
  set(_te_boost Boost::url)
elseif(THOUSANDEYES_CREDENTIALS_BOOST_URL STREQUAL "header-only")
  find_package(Boost 1.81 QUIET)
  set(_te_boost Boost::headers)
  if(Boost_FOUND AND NOT Boost_VERSION VERSION_LESS 1.83)
    set(_te_not_found "Boost ${Boost_VERSION}: Boost.URL 1.83 and later must be linked (THOUSANDEYES_CREDENTIALS_BOOST_URL=linked)")
  endif()
else()
  set(_te_not_found "THOUSANDEYES_CREDENTIALS_BOOST_URL is \"${THOUSANDEYES_CREDENTIALS_BOOST_URL}\"; it must be linked or header-only")
endif()
if(NOT Boost_FOUND AND NOT DEFINED _te_not_found)
  set(_te_not_found "Boost 1.81 or later (${_te_boost}) was not found")
endif()

if(NOT DEFINED _te_not_found AND NOT TARGET thousandeyes::credentials)
  add_library(thousandeyes::credentials INTERFACE IMPORTED ${_te_global})
  set_target_properties(thousandeyes::credentials PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_te_include_dir}"
    INTERFACE_COMPILE_FEATURES cxx_std_17
    INTERFACE_LINK_LIBRARIES ${_te_boost})
  if(THOUSANDEYES_CREDENTIALS_BOOST_URL STREQUAL "header-only")
    set_property(TARGET thousandeyes::credentials APPEND PROPERTY
      INTERFACE_COMPILE_DEFINITIONS BOOST_URL_NO_LIB)
  endif()

  # The JSON part: error_message.hpp reads bodies with Boost.JSON.
  if(_te_json_source)
    add_library(thousandeyes::credentials-json INTERFACE IMPORTED ${_te_global})
    set_target_properties(thousandeyes::credentials-json PROPERTIES
      INTERFACE_SOURCES "${_te_json_source}"
      INTERFACE_LINK_LIBRARIES thousandeyes::credentials)
  else()
    find_package(Boost 1.81 QUIET COMPONENTS json)
    if(TARGET Boost::json)
      add_library(thousandeyes::credentials-json INTERFACE IMPORTED ${_te_global})
      set_target_properties(thousandeyes::credentials-json PROPERTIES
        INTERFACE_LINK_LIBRARIES "thousandeyes::credentials;Boost::json")
    endif()
  endif()

  # One target per adapter whose stack is found.
  find_package(CURL QUIET)
  if(CURL_FOUND)
    add_library(thousandeyes::credentials-libcurl INTERFACE IMPORTED ${_te_global})
    set_target_properties(thousandeyes::credentials-libcurl PROPERTIES
      INTERFACE_LINK_LIBRARIES "thousandeyes::credentials;CURL::libcurl")
  endif()
  find_package(Threads QUIET)
  if(Threads_FOUND)
    add_library(thousandeyes::credentials-beast INTERFACE IMPORTED ${_te_global})
    set_target_properties(thousandeyes::credentials-beast PROPERTIES
      INTERFACE_LINK_LIBRARIES "thousandeyes::credentials;Threads::Threads")
  endif()
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(THOUSANDEYES_CPP_HTTPLIB QUIET IMPORTED_TARGET ${_te_global} cpp-httplib)
    if(THOUSANDEYES_CPP_HTTPLIB_FOUND)
      add_library(thousandeyes::credentials-httplib INTERFACE IMPORTED ${_te_global})
      set_target_properties(thousandeyes::credentials-httplib PROPERTIES
        INTERFACE_LINK_LIBRARIES "thousandeyes::credentials;PkgConfig::THOUSANDEYES_CPP_HTTPLIB")
    endif()
  endif()
endif()
