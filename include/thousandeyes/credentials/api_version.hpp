// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_API_VERSION_HPP
#define THOUSANDEYES_CREDENTIALS_API_VERSION_HPP

namespace thousandeyes {
namespace credentials {

/// Which ThousandEyes API a request speaks.
enum class api_version
{
    v6, ///< POST {base}/v6/credentials/{id}/delete[.json|.xml]
    v7  ///< DELETE {base}/v7/credentials/{id}
};

} // namespace credentials
} // namespace thousandeyes

#endif
