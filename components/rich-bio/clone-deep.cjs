// quill-delta requires lodash.clonedeep (CommonJS); this hands it the same function from lodash-es.
module.exports = require('lodash-es/cloneDeep.js').default;
